using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace CardGen.Tool.Tests;

/// <summary><c>cardgen validate</c>, installed from the package: exit codes, findings with JSON paths, both formats.</summary>
[Collection(InstalledToolTests.Name)]
public sealed class ValidateCommandTests
{
    private const string Good = """{"type":"AdaptiveCard","version":"1.3","fallbackText":"Deploy OK","body":[{"type":"TextBlock","text":"Deploy OK","wrap":true}]}""";
    private const string Bad = """{"type":"AdaptiveCard","version":"1.3","fallbackText":"x","body":[{"type":"TextBlock"},{"type":"Table","columns":[]}]}""";

    private readonly InstalledTool _tool;

    public ValidateCommandTests(InstalledTool tool) => _tool = tool;

    [Fact]
    public async Task HelpDescribesTheCommandsAndTheExitCodes()
    {
        var root = await _tool.RunAsync(null, "--help");
        var validate = await _tool.RunAsync(null, "validate", "--help");

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("cardgen", root.StandardOutput, System.StringComparison.Ordinal);
        foreach (var command in new[] { "validate", "post", "hooks", "emulator" })
        {
            Assert.Contains(command, root.StandardOutput, System.StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes: 0", validate.StandardOutput, System.StringComparison.Ordinal);
        Assert.Contains("--host", validate.StandardOutput, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGoodCardExits0()
    {
        var file = _tool.WriteFile("validate/good.json", Good);

        var result = await _tool.RunAsync(null, "validate", file, "--host", "ringcentral");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("1 card(s) checked for RingCentral (Adaptive Cards 1.3): 0 error(s)", result.StandardOutput, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostTeamsChecksForTeamsAndReadsATeamsMessage()
    {
        const string Table = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Table","columns":[{"width":1}],"rows":[{"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"p95"}]}]}]}]}""";
        var card = _tool.WriteFile("validate/table.json", Table);
        var message = _tool.WriteFile("validate/teams.json", """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,"content":""" + Table.Replace("\"1.5\"", "\"1.6\"", System.StringComparison.Ordinal) + "}]}");

        var teams = await _tool.RunAsync(null, "validate", card, "--host", "teams");
        var ringCentral = await _tool.RunAsync(null, "validate", card, "--host", "ringcentral");
        var tooNew = await _tool.RunAsync(null, "validate", message, "--host", "teams", "--format", "json");

        Assert.True(teams.ExitCode == 0, teams.Describe());
        Assert.Contains("1 card(s) checked for Teams (Adaptive Cards 1.5): 0 error(s)", teams.StandardOutput, System.StringComparison.Ordinal);
        Assert.True(ringCentral.ExitCode == 1, ringCentral.Describe());
        Assert.True(tooNew.ExitCode == 1, tooNew.Describe());
        using var json = JsonDocument.Parse(tooNew.StandardOutput);
        Assert.Equal("Teams", json.RootElement.GetProperty("host").GetString());
        var paths = json.RootElement.GetProperty("files")[0].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Contains(paths, p => p!.StartsWith("$.attachments[0].content", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABadCardExits1WithRuleIdsAndJsonPaths()
    {
        var file = _tool.WriteFile("validate/bad.json", Bad);

        var result = await _tool.RunAsync(null, "validate", file);

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("validate/bad.json: error CV020 $.body[0]: TextBlock needs \"text\".", result.StandardOutput, System.StringComparison.Ordinal);
        Assert.Contains("error CV030 $.body[1].type: Table needs Adaptive Cards 1.5", result.StandardOutput, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWholeMessageBodyIsCheckedWithPathsIntoItsAttachments()
    {
        var file = _tool.WriteFile("validate/message.json", """{"activity":"CI","attachments":[""" + Good + "," + Bad + "]}");

        var result = await _tool.RunAsync(null, "validate", file, "--format", "json");

        Assert.True(result.ExitCode == 1, result.Describe());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var report = json.RootElement.GetProperty("files")[0];
        Assert.Equal(2, report.GetProperty("cards").GetInt32());
        var paths = report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.attachments[1].body[0]", paths);
        Assert.DoesNotContain(paths, p => p!.StartsWith("$.attachments[0]", System.StringComparison.Ordinal));
        Assert.Equal("RingCentral", json.RootElement.GetProperty("host").GetString());
    }

    [Fact]
    public async Task APatternIsExpandedAndProgressIsShownForManyFiles()
    {
        for (var i = 0; i < 30; i++)
        {
            _tool.WriteFile($"validate/many/card{i:00}.json", Good);
        }

        var result = await _tool.RunAsync(null, "validate", "validate/many/*.json");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("30 file(s), 30 card(s)", result.StandardOutput, System.StringComparison.Ordinal);
        Assert.Contains("validated 25 of 30 files", result.StandardError, System.StringComparison.Ordinal);
        Assert.Contains("validated 30 of 30 files", result.StandardError, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJsonIsAFindingAndAnUnreadableFileIsExit2()
    {
        var broken = _tool.WriteFile("validate/broken.json", """{"type": """);

        var malformed = await _tool.RunAsync(null, "validate", broken);
        var missing = await _tool.RunAsync(null, "validate", "validate/missing.json");
        var usage = await _tool.RunAsync(null, "validate");
        var version = await _tool.RunAsync(null, "validate", broken, "--version", "1.6");

        Assert.True(malformed.ExitCode == 1, malformed.Describe());
        Assert.Contains("error FILE $: The file is not valid JSON", malformed.StandardOutput, System.StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 2, missing.Describe());
        Assert.Contains("cannot read the file", missing.StandardError, System.StringComparison.Ordinal);
        Assert.True(usage.ExitCode == 2, usage.Describe());
        Assert.Contains("--help", usage.StandardError, System.StringComparison.Ordinal);
        Assert.True(version.ExitCode == 2, version.Describe());
        Assert.Contains("up to 1.3", version.StandardError, System.StringComparison.Ordinal);
    }
}
