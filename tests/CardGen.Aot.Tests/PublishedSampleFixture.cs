using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.Aot.Tests;

/// <summary>A sample published with Native AOT in a fresh copy of the repository.</summary>
/// <param name="Name">The sample's project name, which is also its binary's.</param>
/// <param name="Publish">The publish command's run.</param>
/// <param name="Copy">The copy of the repository it ran in.</param>
/// <param name="CopiedFiles">How many files the copy holds.</param>
/// <param name="PublishDirectory">Where the native binary and its files are.</param>
public sealed record PublishedSample(string Name, ProcessResult Publish, string Copy, int CopiedFiles, string PublishDirectory)
{
    /// <summary>The native binary.</summary>
    public string Binary => Path.Combine(PublishDirectory, Name);
}

/// <summary>
/// The AOT tests share one <see cref="PublishedSampleFixture"/>: one fresh copy of the repository, in which each sample
/// is published once, one after the other, so the libraries they share are built once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishedSamples : ICollectionFixture<PublishedSampleFixture>
{
    public const string Name = "Published samples";
}

/// <summary>
/// Publishes samples/CardGen.Sample and samples/CardGen.JiraRelay once per test run with the commands the docs give,
/// word for word, in one fresh copy of the repository under the temp folder; builds the console sample once more as a
/// JIT application to compare against; and deletes it all afterwards.
/// </summary>
public sealed class PublishedSampleFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The command the README and samples/README.md give for a Native AOT binary of the sample.</summary>
    public const string Command = "dotnet publish samples/CardGen.Sample -c Release -r linux-x64 -p:PublishAot=true";

    /// <summary>The command samples/README.md and docs/services.md give for a Native AOT binary of the Jira relay.</summary>
    public const string RelayCommand = "dotnet publish samples/CardGen.JiraRelay -c Release -r linux-x64 -p:PublishAot=true";

    /// <summary>The publish builds the whole sample from a clean copy; on a loaded two-core machine that is minutes.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(12);

    private readonly object _once = new();

    // One dotnet command at a time in the copy: the publish and the JIT build write the same obj folders.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Task<(string Clone, int Files)>? _copy;
    private Task<PublishedSample>? _published;
    private Task<PublishedSample>? _relay;
    private Task<IReadOnlyList<RecordedPost>>? _reference;

    public PublishedSampleFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "cardgen-aot-tests-" + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>The temp folder holding everything this run writes.</summary>
    public string Root { get; }

    /// <summary>The event files the sample posts, in the order it posts them.</summary>
    public static IReadOnlyList<string> EventFiles =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "CardGen.Sample", "events"), "*.json")
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The published sample; the copy and the publish happen on first use, once.</summary>
    public Task<PublishedSample> GetAsync() => Once(ref _published, () => PublishAsync("CardGen.Sample", Command));

    /// <summary>
    /// The published Jira relay, in the same copy. It is published after the console sample, so that its publish time
    /// is what it adds to the run: the libraries both reference are built by then.
    /// </summary>
    public Task<PublishedSample> GetRelayAsync() => Once(ref _relay, async () =>
    {
        await GetAsync().ConfigureAwait(false);
        return await PublishAsync("CardGen.JiraRelay", RelayCommand).ConfigureAwait(false);
    });

    /// <summary>
    /// What the JIT-compiled sample, built from the same copy, posts to a webhook URL: the posts as an emulator in
    /// this process recorded them, in order.
    /// </summary>
    public Task<IReadOnlyList<RecordedPost>> GetReferencePostsAsync() => Once(ref _reference, ReferencePostsAsync);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a process that was killed may still hold a file for a moment.
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _gate.Dispose();

    private Task<T> Once<T>(ref Task<T>? slot, Func<Task<T>> start)
    {
        lock (_once)
        {
            return slot ??= Task.Run(start);
        }
    }

    private Task<(string Clone, int Files)> CopyOnceAsync() => Once(ref _copy, () =>
    {
        var clone = Path.Combine(Root, "cardgen");
        return Task.FromResult((clone, FreshClone.Copy(RepositoryPaths.Root, clone)));
    });

    private async Task<PublishedSample> PublishAsync(string name, string command)
    {
        var (clone, files) = await CopyOnceAsync().ConfigureAwait(false);
        var words = command.Split(' ');
        ProcessResult publish;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            publish = await ChildProcess.RunAsync(ChildProcess.DotNet, words[1..], clone, PublishTimeout).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        var directory = Path.Combine(clone, "samples", name, "bin", "Release", "net10.0", "linux-x64", "publish");
        return new PublishedSample(name, publish, clone, files, directory);
    }

    private async Task<IReadOnlyList<RecordedPost>> ReferencePostsAsync()
    {
        var published = await GetAsync().ConfigureAwait(false);
        var project = Path.Combine("samples", "CardGen.Sample", "CardGen.Sample.csproj");
        ProcessResult build;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            build = await ChildProcess.RunAsync(ChildProcess.DotNet, ["build", project, "-c", "Release", "-nologo"], published.Copy, PublishTimeout).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        var assembly = Path.Combine(published.Copy, "samples", "CardGen.Sample", "bin", "Release", "net10.0", "CardGen.Sample.dll");
        Assert.True(build.ExitCode == 0 && File.Exists(assembly), "The JIT build of the sample failed:\n" + build.Describe());

        await using var emulator = await HookEmulator.StartAsync().ConfigureAwait(false);
        var run = await ChildProcess.RunAsync(
            ChildProcess.DotNet,
            [assembly, "--exit"],
            published.Copy,
            TimeSpan.FromMinutes(2),
            new Dictionary<string, string?> { ["CARDGEN_WEBHOOK_URL"] = emulator.DefaultHook.RevealUri().AbsoluteUri }).ConfigureAwait(false);
        Assert.True(run.ExitCode == 0, "The JIT build of the sample did not post every event:\n" + run.Describe());
        return emulator.Posts;
    }
}
