using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace CardGen.Outbox.PostgreSql.Tests;

/// <summary>
/// The tables CardGen creates at start-up are exactly those of the script users run themselves, the migration is
/// idempotent and safe when instances start together, and a schema it does not know is refused, not written to.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class SchemaTests
{
    private readonly PostgreSqlFixture _fixture;

    public SchemaTests(PostgreSqlFixture fixture) => _fixture = fixture;

    [SkippableFact]
    public async Task TheMigrationAndTheShippedScriptGiveTheSameSchema()
    {
        var cluster = _fixture.Require();
        var migrated = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync()).Database!;
        var scripted = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync()).Database!;

        await MigrateAsync(cluster.ConnectionString(migrated), createSchema: true);
        // As a user would: psql with the file that ships in the package, not the embedded copy.
        var script = await System.IO.File.ReadAllTextAsync(System.IO.Path.Combine(RepositoryPaths.Root, "src", "Outbox.PostgreSql", "cardgen-outbox-postgresql.sql"));
        Assert.Equal(script, PostgreSqlOutboxSchema.Script);
        await cluster.PsqlAsync(scripted, script);

        var fromMigration = await cluster.DumpSchemaAsync(migrated);
        var fromScript = await cluster.DumpSchemaAsync(scripted);
        Assert.Contains("CREATE TABLE public.cardgen_outbox ", fromMigration, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE public.cardgen_outbox_pace ", fromMigration, StringComparison.Ordinal);
        Assert.Equal(fromScript, fromMigration);
    }

    [SkippableFact]
    public async Task InstancesStartingTogetherMigrateOnceEachWithoutFailing()
    {
        var connectionString = await _fixture.NewDatabaseAsync();

        // Without the advisory lock, concurrent CREATE TABLE IF NOT EXISTS fails with a unique violation in pg_type.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => MigrateAsync(connectionString, createSchema: true))));
        await MigrateAsync(connectionString, createSchema: true);
        await MigrateAsync(connectionString, createSchema: false);

        var comment = await ScalarAsync(connectionString, "SELECT obj_description('cardgen_outbox'::regclass, 'pg_class')");
        Assert.Equal("CardGen outbox, schema version 1", comment);
    }

    [SkippableFact]
    public async Task ANewerSchemaIsRefusedNamingBothVersions()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        await MigrateAsync(connectionString, createSchema: true);
        await ScalarAsync(connectionString, "COMMENT ON TABLE cardgen_outbox IS 'CardGen outbox, schema version 7'");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrateAsync(connectionString, createSchema: true));
        Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("(1)", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ATableOfTheSameNameThatCardGenDidNotCreateIsLeftAlone()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        await ScalarAsync(connectionString, "CREATE TABLE cardgen_outbox (id int)");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrateAsync(connectionString, createSchema: true));
        Assert.Contains("CardGen did not create it", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WithCreateSchemaOffMissingTablesFailNamingTheScript()
    {
        var connectionString = await _fixture.NewDatabaseAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrateAsync(connectionString, createSchema: false));
        Assert.Contains("cardgen-outbox-postgresql.sql", error.Message, StringComparison.Ordinal);
        Assert.Null(await ScalarAsync(connectionString, "SELECT to_regclass('cardgen_outbox')::text"));
    }

    [Fact]
    public void AConnectionStringThatCannotBeParsedIsRefusedWithoutQuotingIt()
    {
        const string Secret = "s3cret-Passw0rd";
        var error = Assert.Throws<ArgumentException>(() => ConnectionDescription.Parse($"Host=db;Password={Secret};Bogus Key={Secret}"));
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("connection string is not valid", error.Message, StringComparison.Ordinal);
    }

    private static async Task MigrateAsync(string connectionString, bool createSchema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await SchemaMigrator.MigrateAsync(connection, createSchema, CancellationToken.None);
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync()) as string;
    }
}
