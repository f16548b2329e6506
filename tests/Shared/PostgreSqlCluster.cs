using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Testing;

/// <summary>
/// A private PostgreSQL cluster for one test run: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free
/// loopback port and a private socket folder, password authentication over TCP, stopped and removed on dispose. Uses
/// only the PostgreSQL binaries (Debian's <c>postgresql</c> package, <c>CARDGEN_POSTGRES_BIN</c> for another folder),
/// so any test project or benchmark can compile it in (tests/Directory.Build.props).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so under root the server commands run as an unprivileged user
/// (<c>CARDGEN_POSTGRES_USER</c>, else <c>postgres</c>, else <c>nobody</c>) through <c>runuser</c> or <c>setpriv</c>,
/// with the folder handed to that user. A watchdog shell stops the server and deletes the folder when the process
/// that started it dies without disposing it (a crashed or killed test host).
/// </remarks>
internal sealed class PostgreSqlCluster : IAsyncDisposable
{
    /// <summary>The superuser the cluster is created with.</summary>
    public const string UserName = "cardgen";

    private readonly string _bin;
    private readonly string[] _runAs;
    private readonly string _owner;
    private readonly bool _durable;
    private int _disposed;

    private PostgreSqlCluster(string bin, string folder, string[] runAs, string owner, int port, string password, bool durable)
    {
        _durable = durable;
        _bin = bin;
        Folder = folder;
        _runAs = runAs;
        _owner = owner;
        Port = port;
        Password = password;
    }

    /// <summary>The temporary folder holding the data directory, the socket folder and the server log.</summary>
    public string Folder { get; }

    /// <summary>The data directory.</summary>
    public string DataFolder => Path.Combine(Folder, "data");

    /// <summary>The folder of the server's Unix socket (trusted, local connections only).</summary>
    public string SocketFolder => Path.Combine(Folder, "sock");

    /// <summary>The server's log file.</summary>
    public string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The password of <see cref="UserName"/> over TCP (SCRAM).</summary>
    public string Password { get; }

    /// <summary>How long <c>initdb</c> and the first start took together.</summary>
    public TimeSpan StartDuration { get; private set; }

    /// <summary>Whether the server is running (false between <see cref="StopAsync"/> and <see cref="StartAsync"/>).</summary>
    public bool IsRunning { get; private set; }

    /// <summary>The folder holding <c>initdb</c> and <c>pg_ctl</c>, or <see langword="null"/> when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("CARDGEN_POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return HasServer(configured) ? configured : null;
        }

        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // Debian installs each major version under /usr/lib/postgresql/<version>/bin and puts only wrappers on PATH.
        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            var newest = Directory.GetDirectories(Debian)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(c => c.Version >= 0 && HasServer(c.Folder))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Folder)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServer);
    }

    /// <summary>Why a test that needs PostgreSQL cannot run here.</summary>
    public static string MissingMessage =>
        "PostgreSQL is not installed (Debian: apt-get install postgresql; .ci/run installs it; CARDGEN_POSTGRES_BIN names the folder of initdb and pg_ctl), so the tests that need a PostgreSQL server did not run.";

    /// <summary>Creates and starts a private cluster.</summary>
    /// <param name="durable">
    /// Whether commits are flushed to disk as on a production server (for benchmarks); off by default, since tests kill
    /// clients, never the machine, and a cluster that lives for one run needs no durability against power loss.
    /// </param>
    /// <param name="cancellationToken">Cancels the start (the folder is removed).</param>
    /// <exception cref="InvalidOperationException">PostgreSQL is missing, or a command failed (its output is in the message).</exception>
    public static async Task<PostgreSqlCluster> CreateAsync(bool durable = false, CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(MissingMessage);
        var started = Stopwatch.StartNew();
        var (runAs, owner) = Unprivileged();
        var folder = Path.Combine(Path.GetTempPath(), "cardgen-pg-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant());
        Directory.CreateDirectory(folder);
        var cluster = new PostgreSqlCluster(bin, folder, runAs, owner, FreePort(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(), durable);
        try
        {
            cluster.StartWatchdog();
            Directory.CreateDirectory(cluster.SocketFolder);
            var passwordFile = Path.Combine(folder, "password");
            await File.WriteAllTextAsync(passwordFile, cluster.Password + "\n", cancellationToken).ConfigureAwait(false);
            if (owner.Length > 0)
            {
                await RunAsync("chown", ["-R", owner + ":", folder], cancellationToken).ConfigureAwait(false);
            }

            await cluster.ServerCommandAsync(
                "initdb",
                ["-D", cluster.DataFolder, "-U", UserName, "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
                 "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
                cancellationToken).ConfigureAwait(false);
            File.Delete(passwordFile);
            await cluster.StartAsync(cancellationToken).ConfigureAwait(false);
            cluster.StartDuration = started.Elapsed;
            AppDomain.CurrentDomain.ProcessExit += cluster.OnProcessExit;
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> over loopback TCP with the password.</summary>
    /// <param name="database">The database's name.</param>
    public string ConnectionString(string database)
        => string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={UserName};Password={Password};Database={database}");

    /// <summary>Creates a database and returns its connection string.</summary>
    /// <param name="name">The name; <see langword="null"/> for a fresh unique one.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= "db_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();
        await RunAsync(Path.Combine(_bin, "createdb"), ["-h", SocketFolder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", UserName, name], cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Runs SQL through <c>psql</c> on the socket and returns its unaligned output.</summary>
    /// <param name="database">The database.</param>
    /// <param name="sql">The statements.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public Task<string> PsqlAsync(string database, string sql, CancellationToken cancellationToken = default)
        => RunAsync(
            Path.Combine(_bin, "psql"),
            ["-h", SocketFolder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", UserName, "-d", database, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
            cancellationToken);

    /// <summary>The schema of <paramref name="database"/> as <c>pg_dump --schema-only</c> writes it, for comparing two databases.</summary>
    /// <param name="database">The database.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public async Task<string> DumpSchemaAsync(string database, CancellationToken cancellationToken = default)
    {
        var dump = await RunAsync(
            Path.Combine(_bin, "pg_dump"),
            ["-h", SocketFolder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", UserName, "--schema-only", "--no-owner", "--no-privileges", database],
            cancellationToken).ConfigureAwait(false);

        // Newer pg_dump fences its output with \restrict/\unrestrict and a random key, different in every dump.
        return string.Join('\n', dump.Split('\n').Where(l => !l.StartsWith("\\restrict", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port and data.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var options = string.Join(
            ' ',
            "-c listen_addresses=127.0.0.1",
            "-p " + Port.ToString(CultureInfo.InvariantCulture),
            "-k " + SocketFolder,
            _durable ? string.Empty : "-c fsync=off -c full_page_writes=off",
            "-c max_connections=300 -c shared_buffers=32MB");
        await ServerCommandAsync("pg_ctl", ["-D", DataFolder, "-l", LogFile, "-w", "-t", "60", "-o", options, "start"], cancellationToken).ConfigureAwait(false);
        IsRunning = true;
    }

    /// <summary>Stops the server as an administrator would (<c>pg_ctl stop -m fast</c>: connections are cut, data kept).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await ServerCommandAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "-t", "60", "stop"], cancellationToken).ConfigureAwait(false);
        IsRunning = false;
    }

    /// <summary>The server log so far, for a failure message.</summary>
    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Stops the server at once and deletes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                await ServerCommandAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "-t", "30", "stop"], CancellationToken.None).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the folder goes either way.
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The watchdog removes what is left once it sees this process gone.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // The test host exits without disposing collection fixtures when it is aborted; do it synchronously here.
        DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static bool HasServer(string folder)
        => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    private static (string[] RunAs, string Owner) Unprivileged()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return ([], string.Empty);
        }

        var user = Environment.GetEnvironmentVariable("CARDGEN_POSTGRES_USER") is { Length: > 0 } configured
            ? configured
            : UserExists("postgres") ? "postgres" : "nobody";
        if (Which("runuser") is { } runuser)
        {
            return ([runuser, "-u", user, "--"], user);
        }

        if (Which("setpriv") is { } setpriv)
        {
            return ([setpriv, "--reuid=" + user, "--regid=" + user, "--init-groups", "--"], user);
        }

        throw new InvalidOperationException(
            $"PostgreSQL refuses to run as root and neither runuser nor setpriv is installed to run it as '{user}'; run the tests as another user.");
    }

    private static bool UserExists(string user)
        => File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal));

    private static string? Which(string command)
        => new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" }.Select(d => Path.Combine(d, command)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<string> ServerCommandAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_bin, command);
        return _runAs.Length == 0
            ? RunAsync(path, arguments, cancellationToken)
            : RunAsync(_runAs[0], [.. _runAs.Skip(1), path, .. arguments], cancellationToken);
    }

    private void StartWatchdog()
    {
        // Stops the server and removes the folder once this process is gone (SIGKILL included); exits by itself when
        // the folder disappears first, as after DisposeAsync.
        var stop = string.Join(' ', _runAs.Append(Path.Combine(_bin, "pg_ctl")).Select(Quote)) + " -D " + Quote(DataFolder) + " -m immediate stop";
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId} && [ -d {Quote(Folder)} ]; do sleep 1; done; "
            + $"if [ -d {Quote(Folder)} ]; then [ -f {Quote(Path.Combine(DataFolder, "postmaster.pid"))} ] && {stop}; rm -rf {Quote(Folder)}; fi";
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var watchdog = Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/sh.");
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = (await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {process.ExitCode}:{Environment.NewLine}{text}");
        }

        return text;
    }
}
