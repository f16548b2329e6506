using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.Tool.Tests;

/// <summary><c>cardgen validate</c> and <c>cardgen post</c> with RingCentral legacy (v1) message files, installed from the package.</summary>
[Collection(InstalledToolTests.Name)]
public sealed class LegacyCommandTests : IAsyncLifetime
{
    private const string Good = """
        {"activity":"Jira","title":"**PROJ-1** updated","body":"Status changed",
         "attachments":[{"type":"Card","fallback":"PROJ-1 moved","color":"#00ff2a","author_name":"Ann","title":"PROJ-1","text":"Moved to *Done*",
           "fields":[{"title":"Priority","value":"High","short":true}],"footer":"Jira Cloud","ts":1600000000}]}
        """;

    private const string Bad = """
        {"body":"b","attachments":[{"fallback":"f","title":"t","text":"x","color":"green","image_url":"http://example.com/chart.png"}]}
        """;

    private readonly InstalledTool _tool;
    private HookEmulator _emulator = null!;

    public LegacyCommandTests(InstalledTool tool) => _tool = tool;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Dictionary<string, string?> HookVariable => new() { ["CARDGEN_TEST_HOOK"] = _emulator.DefaultHook.RevealUri().AbsoluteUri };

    [Fact]
    public async Task Validate_recognises_a_legacy_message_and_checks_it_against_the_v1_rules()
    {
        var good = _tool.WriteFile("legacy/good.json", Good);
        var bad = _tool.WriteFile("legacy/bad.json", Bad);

        var ok = await _tool.RunAsync(null, "validate", good);
        var refused = await _tool.RunAsync(null, "validate", bad, "--format", "json");
        var teams = await _tool.RunAsync(null, "validate", good, "--host", "teams");

        Assert.True(ok.ExitCode == 0, ok.Describe());
        Assert.Contains("1 file(s), 1 card(s) checked", ok.StandardOutput, System.StringComparison.Ordinal);
        Assert.True(refused.ExitCode == 1, refused.Describe());
        using var json = JsonDocument.Parse(refused.StandardOutput);
        var report = json.RootElement.GetProperty("files")[0];
        Assert.Equal("v1", report.GetProperty("schema").GetString());
        Assert.Equal(
            [("LV040", "$.attachments[0].color"), ("LV041", "$.attachments[0].image_url")],
            report.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("path").GetString())));
        Assert.True(teams.ExitCode == 1, teams.Describe());
        Assert.Contains("only RingCentral", teams.StandardOutput, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_sends_a_legacy_message_to_the_v1_url_and_sends_nothing_when_it_has_errors()
    {
        var good = _tool.WriteFile("legacy/post-good.json", Good);
        var bad = _tool.WriteFile("legacy/post-bad.json", Bad);

        var posted = await _tool.RunAsync(HookVariable, "post", good, "--hook-env", "CARDGEN_TEST_HOOK");
        var refused = await _tool.RunAsync(HookVariable, "post", bad, "--hook-env", "CARDGEN_TEST_HOOK");

        Assert.True(posted.ExitCode == 0, posted.Describe());
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal((PostVerdict.Accepted, HookRoute.V1), (post.Verdict, post.Route));
        Assert.Equal(("Status changed", "**PROJ-1** updated", "Jira"), (post.Text, post.Title, post.Activity));
        using (var body = JsonDocument.Parse(post.Body))
        {
            var card = body.RootElement.GetProperty("attachments")[0];
            Assert.Equal(1600000000, card.GetProperty("ts").GetInt64());
            Assert.True(card.GetProperty("fields")[0].GetProperty("short").GetBoolean());
        }

        Assert.DoesNotContain(_emulator.DefaultHookId, posted.AllOutput, System.StringComparison.OrdinalIgnoreCase);
        Assert.True(refused.ExitCode == 1, refused.Describe());
        Assert.Contains("LV040", refused.StandardError, System.StringComparison.Ordinal);
        Assert.Single(_emulator.Posts);
    }
}
