using System;
using CardGen.Outbox;
using CardGen.Outbox.PostgreSql;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps CardGen's durable outbox in PostgreSQL, shared by every instance of the service on the database.</summary>
public static class PostgreSqlOutboxServiceCollectionExtensions
{
    /// <summary>
    /// Stores enqueued posts in the PostgreSQL database of <paramref name="connectionString"/> and delivers them in the
    /// background; every instance registered on the same database shares the posts, their leases and each hook's
    /// pace. The tables are created at start-up (see <see cref="PostgreSqlOutboxSchema"/>), and start-up fails, saying
    /// why and never showing the password, when the database cannot be reached.
    /// </summary>
    /// <param name="builder">The chat hooks.</param>
    /// <param name="connectionString">Npgsql's connection string, for example <c>Host=db;Database=app;Username=app;Password=…</c>.</param>
    /// <param name="configure">Sets the outbox's delivery options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or not a connection string (the message quotes none of it).</exception>
    public static ChatHooksBuilder UsePostgreSqlOutbox(this ChatHooksBuilder builder, string connectionString, Action<ChatOutboxOptions>? configure = null)
    {
        ConnectionDescription.Parse(connectionString);
        return builder.UsePostgreSqlOutbox(store => store.ConnectionString = connectionString, configure);
    }

    /// <summary>
    /// Stores enqueued posts in PostgreSQL as <paramref name="configureStore"/> sets (a connection string or the
    /// application's <c>NpgsqlDataSource</c>, whether start-up creates the tables) and delivers them in the background.
    /// </summary>
    /// <param name="builder">The chat hooks.</param>
    /// <param name="configureStore">Sets where the store is and how it starts.</param>
    /// <param name="configure">Sets the outbox's delivery options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configureStore"/> is null.</exception>
    public static ChatHooksBuilder UsePostgreSqlOutbox(this ChatHooksBuilder builder, Action<PostgreSqlOutboxOptions> configureStore, Action<ChatOutboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureStore);
        return builder.UseOutbox(
            services =>
            {
                var options = new PostgreSqlOutboxOptions();
                configureStore(options);
                if (options.DataSource is null && string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException("UsePostgreSqlOutbox needs a ConnectionString or a DataSource.");
                }

                return new PostgreSqlOutboxStore(options, services.GetService<TimeProvider>() ?? TimeProvider.System);
            },
            configure);
    }
}
