using System;
using CardGen.Outbox;
using CardGen.Outbox.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds CardGen's durable outbox in one SQLite file.</summary>
public static class SqliteOutboxServiceCollectionExtensions
{
    /// <summary>
    /// Stores posts enqueued with <c>IChatHooks.EnqueueAsync</c> in a SQLite file and delivers them in the background
    /// (see <see cref="ChatOutboxServiceCollectionExtensions.UseOutbox"/>). The file and its folder are created at
    /// start-up when missing; a path that cannot be written fails start-up, and every enqueue, saying why.
    /// </summary>
    /// <param name="builder">The chat hooks.</param>
    /// <param name="path">The file's path, relative to the current directory or absolute.</param>
    /// <param name="configure">Sets the outbox's options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    public static ChatHooksBuilder UseSqliteOutbox(this ChatHooksBuilder builder, string path, Action<ChatOutboxOptions>? configure = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        // Checked here, so that a path that is not one fails where it is written.
        var full = new SqliteOutboxStore(path).Path;
        return builder.UseOutbox(services => new SqliteOutboxStore(full, services.GetService<TimeProvider>()), configure);
    }
}
