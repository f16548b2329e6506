using System.IO;
using System.Threading.Tasks;

namespace CardGen.Tool.Tests;

/// <summary><c>cardgen template scaffold</c>, installed from the package: the [ChatCard] type for a template and its data.</summary>
[Collection(InstalledToolTests.Name)]
public sealed class TemplateCommandTests
{
    private const string Template = """
        { "type": "AdaptiveCard", "version": "1.3", "body": [ { "type": "TextBlock", "text": "${title}", "$data": "${builds}" } ] }
        """;

    private const string Data = """
        { "project": "payments-api", "buildNumber": 1842, "green": false,
          "author": { "name": "Dana Reyes" },
          "builds": [ { "title": "restore", "seconds": 12.5 }, { "title": "test" } ],
          "tags": [ "ci", "nightly" ], "not a member": 1 }
        """;

    private readonly InstalledTool _tool;

    public TemplateCommandTests(InstalledTool tool) => _tool = tool;

    [Fact]
    public async Task Scaffold_writes_the_card_type_with_members_from_the_sample_data()
    {
        var template = _tool.WriteFile("cards/build-failed.card.json", Template);
        _tool.WriteFile("cards/build-failed.data.json", Data);
        const string output = "BuildFailed.cs";

        var printed = await _tool.RunAsync(null, "template", "scaffold", template, "--namespace", "Demo", "--host", "Teams");
        var written = await _tool.RunAsync(null, "template", "scaffold", template, "--output", output);
        var missing = await _tool.RunAsync(null, "template", "scaffold", Path.Combine(Path.GetDirectoryName(template)!, "none.card.json"));

        Assert.True(printed.ExitCode == 0, printed.Describe());
        foreach (var line in new[]
        {
            "namespace Demo;",
            "[ChatCard(Template = ",
            "build-failed.card.json\", Host = ChatHost.Teams)]",
            "public partial class BuildFailed",
            "public string? Project { get; set; }",
            "public double? BuildNumber { get; set; }",
            "public bool? Green { get; set; }",
            "public BuildFailedAuthor? Author { get; set; }",
            "public List<BuildFailedBuildsItem?>? Builds { get; set; }",
            "public List<string?>? Tags { get; set; }",
            "public sealed class BuildFailedBuildsItem",
            "public double? Seconds { get; set; }",
        })
        {
            Assert.Contains(line, printed.StandardOutput, System.StringComparison.Ordinal);
        }

        Assert.DoesNotContain("not a member", printed.StandardOutput, System.StringComparison.Ordinal);
        Assert.True(written.ExitCode == 0, written.Describe());
        Assert.Contains("[ChatCard(Template = \"cards/build-failed.card.json\")]", File.ReadAllText(Path.Combine(_tool.Work, output)), System.StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 2, missing.Describe());
    }
}
