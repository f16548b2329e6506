using System;
using System.Globalization;
using System.Threading.Tasks;

namespace CardGen.Outbox.PostgreSql.Tests;

/// <summary>
/// One private PostgreSQL cluster for the whole test assembly (each test makes its own database in it), or the reason
/// there is none: PostgreSQL not installed is a skip here and a failure under <c>CI=true</c>.
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private PostgreSqlCluster? _cluster;

    internal PostgreSqlCluster Cluster => _cluster ?? throw new InvalidOperationException(PostgreSqlCluster.MissingMessage);

    /// <summary>Fails under CI and skips elsewhere when PostgreSQL is missing; returns the cluster otherwise.</summary>
    internal PostgreSqlCluster Require()
    {
        if (_cluster is null && RepositoryPaths.IsCi)
        {
            // CI must run every check, so a missing server is a failure there, not a skip (as the browser test does).
            Assert.Fail(PostgreSqlCluster.MissingMessage);
        }

        Skip.If(_cluster is null, PostgreSqlCluster.MissingMessage);
        return _cluster!;
    }

    /// <summary>A fresh database's connection string.</summary>
    internal Task<string> NewDatabaseAsync() => Require().CreateDatabaseAsync();

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        if (PostgreSqlCluster.FindBinaries() is null)
        {
            return;
        }

        _cluster = await PostgreSqlCluster.CreateAsync().ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PostgreSQL cluster started on port {_cluster.Port} in {_cluster.StartDuration.TotalMilliseconds:F0} ms."));
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>The tests that share the cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlTests : ICollectionFixture<PostgreSqlFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL";
}
