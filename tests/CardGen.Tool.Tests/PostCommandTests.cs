using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.Tool.Tests;

/// <summary><c>cardgen post</c>, installed from the package, against the emulator: the URL from an environment variable only.</summary>
[Collection(InstalledToolTests.Name)]
public sealed class PostCommandTests : IAsyncLifetime
{
    private const string Card = """{"type":"AdaptiveCard","version":"1.3","fallbackText":"Deploy OK","body":[{"type":"TextBlock","text":"Deploy OK","wrap":true}]}""";

    private readonly InstalledTool _tool;
    private HookEmulator _emulator = null!;

    public PostCommandTests(InstalledTool tool) => _tool = tool;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Dictionary<string, string?> HookVariable => new() { ["CARDGEN_TEST_HOOK"] = _emulator.DefaultHook.RevealUri().AbsoluteUri };

    [Fact]
    public async Task PostsACardToTheHookInTheVariableAndShowsItRedacted()
    {
        var file = _tool.WriteFile("post/card.json", Card);

        var result = await _tool.RunAsync(HookVariable, "post", file, "--hook-env", "CARDGEN_TEST_HOOK");

        Assert.True(result.ExitCode == 0, result.Describe());
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Accepted, post.Verdict);
        Assert.Equal("Deploy OK", post.Activity);
        Assert.Contains(_emulator.DefaultHook.Redacted, result.StandardOutput, System.StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator.DefaultHookId, result.AllOutput, System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PostsACardToATeamsWorkflowUrlInItsEnvelopeWithoutShowingTheSig()
    {
        var file = _tool.WriteFile("post/teams.json", Card);
        var url = _emulator.GetUrl(_emulator.DefaultHookId, HookRoute.Teams).RevealUri().AbsoluteUri;
        var sig = url[(url.IndexOf("&sig=", System.StringComparison.Ordinal) + 5)..];

        var result = await _tool.RunAsync(new Dictionary<string, string?> { ["CARDGEN_TEST_TEAMS"] = url }, "post", file, "--hook-env", "CARDGEN_TEST_TEAMS");

        Assert.True(result.ExitCode == 0, result.Describe());
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(HookRoute.Teams, post.Route);
        Assert.Equal(PostVerdict.Accepted, post.Verdict);
        Assert.Contains("HTTP 202", result.StandardOutput, System.StringComparison.Ordinal);
        Assert.DoesNotContain(sig[4..], result.AllOutput, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUrlOnTheCommandLineIsRefusedAndNothingIsSent()
    {
        var file = _tool.WriteFile("post/card2.json", Card);
        var url = _emulator.DefaultHook.RevealUri().AbsoluteUri;

        var asFile = await _tool.RunAsync(null, "post", url, "--hook-env", "X");
        var asVariable = await _tool.RunAsync(null, "post", file, "--hook-env", url);

        foreach (var result in new[] { asFile, asVariable })
        {
            Assert.True(result.ExitCode == 2, result.Describe());
            Assert.Contains("shell history", result.StandardError, System.StringComparison.Ordinal);
            Assert.DoesNotContain(_emulator.DefaultHookId, result.AllOutput, System.StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(_emulator.Posts);
    }

    [Fact]
    public async Task AnUnsetVariableOrAnInvalidCardSendsNothing()
    {
        var good = _tool.WriteFile("post/card3.json", Card);
        var bad = _tool.WriteFile("post/bad.json", """{"type":"AdaptiveCard","version":"1.3","body":[{"type":"Image"}]}""");

        var unset = await _tool.RunAsync(null, "post", good, "--hook-env", "CARDGEN_TEST_UNSET");
        var invalid = await _tool.RunAsync(HookVariable, "post", bad, "--hook-env", "CARDGEN_TEST_HOOK");

        Assert.True(unset.ExitCode == 2, unset.Describe());
        Assert.Contains("CARDGEN_TEST_UNSET is not set", unset.StandardError, System.StringComparison.Ordinal);
        Assert.True(invalid.ExitCode == 1, invalid.Describe());
        Assert.Contains("error CV020 $.body[0]", invalid.StandardError, System.StringComparison.Ordinal);
        Assert.Empty(_emulator.Posts);
    }

    [Fact]
    public async Task AWaitForRetryAfterIsShownAsItHappens()
    {
        var file = _tool.WriteFile("post/card5.json", Card);
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.TooManyRequests(System.TimeSpan.FromSeconds(1)) with { Count = 1 });

        var result = await _tool.RunAsync(HookVariable, "post", file, "--hook-env", "CARDGEN_TEST_HOOK");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("retrying in 1 s, attempt 2 of 3", result.StandardError, System.StringComparison.Ordinal);
        Assert.Contains("in 2 attempt(s)", result.StandardOutput, System.StringComparison.Ordinal);
        Assert.Equal(2, _emulator.Posts.Count);
        Assert.DoesNotContain(_emulator.DefaultHookId, result.AllOutput, System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARefusalByTheHookIsExit1WithTheHostsError()
    {
        var file = _tool.WriteFile("post/card4.json", Card);
        _emulator.SuspendHook(_emulator.DefaultHookId);

        var result = await _tool.RunAsync(HookVariable, "post", file, "--hook-env", "CARDGEN_TEST_HOOK");

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("Webhook is suspended", result.StandardError, System.StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator.DefaultHookId, result.AllOutput, System.StringComparison.OrdinalIgnoreCase);
    }
}
