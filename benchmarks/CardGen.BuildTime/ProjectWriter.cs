using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace CardGen.BuildTime;

/// <summary>
/// Writes a library project of realistic annotated <c>[ChatCard]</c> types, one file each (facts, texts, images,
/// actions, fact dictionaries, sections of <c>[CardPart]</c> types, templated titles and summaries with formats), plus
/// code that adds to their generated builders, referencing the CardGen runtime and generator from the repository.
/// Every type is correct, so a build with the analyzers on reports nothing: the benchmark measures checking, not
/// reporting.
/// </summary>
internal sealed class ProjectWriter
{
    public const string ProjectName = "CardGenBuildTime";

    private static readonly string[] Domains = { "Build", "Deploy", "Incident", "Issue", "Alert", "Release", "Review", "Backup", "Certificate", "Payment" };

    private static readonly string[] Events = { "Failed", "Succeeded", "Opened", "Closed", "Escalated", "Expired", "Queued", "Retried" };

    private static readonly string[] Words = { "Service", "Branch", "Owner", "Region", "Cluster", "Project", "Team", "Stage", "Commit", "Customer" };

    private readonly string _repositoryRoot;
    private readonly int _types;
    private readonly int _seed;

    public ProjectWriter(string repositoryRoot, int types, int seed)
    {
        _repositoryRoot = repositoryRoot;
        _types = types;
        _seed = seed;
    }

    /// <summary>Writes the project into <paramref name="directory"/> (emptied first); returns the project file.</summary>
    public string Write(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(directory, ProjectName, "Cards"));

        // Nothing above this folder is inherited: the project's settings are all in its own file.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");

        var project = Path.Combine(directory, ProjectName, ProjectName + ".csproj");
        File.WriteAllText(project, ProjectFile());
        File.WriteAllText(Path.Combine(directory, ProjectName, "cardgen-rules-off.globalconfig"), RulesOffConfig());
        File.WriteAllText(Path.Combine(directory, ProjectName, "Shared.cs"), Shared);

        var builderUses = new StringBuilder();
        for (var i = 0; i < _types; i++)
        {
            var random = new Random(unchecked((_seed * 31) + i));
            var (source, name) = CardType(i, random);
            File.WriteAllText(Path.Combine(directory, ProjectName, "Cards", name + ".cs"), source);
            if (i % 3 == 0)
            {
                builderUses.Append(BuilderUse(i, name));
            }
        }

        File.WriteAllText(Path.Combine(directory, ProjectName, "Builders.cs"), $$"""
            using System;
            using CardGen.Cards;
            using CardGenBuildTime.Cards;

            namespace CardGenBuildTime;

            /// <summary>Adds to generated builders, as applications do.</summary>
            public static class Builders
            {
            {{builderUses}}}

            """);
        return project;
    }

    /// <summary>The number of <c>.g.cs</c> files the generator writes: one per card type and one per part type.</summary>
    public int ExpectedGeneratedFiles() => Enumerable.Range(0, _types).Sum(i => HasPart(i) ? 2 : 1);

    private static bool HasPart(int i) => i % 4 == 1;

    private string ProjectFile()
    {
        var runtime = Path.Combine(_repositoryRoot, "src", "Runtime");
        var generator = Path.Combine(_repositoryRoot, "src", "Generator", "CardGen.Generator.csproj");
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- What the CardGen package's build/CardGen.props does for a package reference: the MSBuild defaults reach the compiler. -->
              <Import Project="{Path.Combine(runtime, "build", "CardGen.props")}" />

              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsPackable>false</IsPackable>
                <!-- Only CardGen's analyzers run: the SDK's CA and code-style analyzers stay off, so "on" and "off" differ
                     by CardGen's rules and the framework's own (interop, JSON) analyzers alone. -->
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
                <EnforceCodeStyleInBuild>false</EnforceCodeStyleInBuild>
                <!-- Evidence that the generator ran in every variant: obj/generated/CardGen.Generator/… -->
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <CompilerGeneratedFilesOutputPath>obj/generated</CompilerGeneratedFilesOutputPath>
                <CardGenDefaultHost>RingCentral</CardGenDefaultHost>
                <CardGenDefaultVersion>1.3</CardGenDefaultVersion>
              </PropertyGroup>

              <ItemGroup>
                <ProjectReference Include="{Path.Combine(runtime, "CardGen.csproj")}" />
                <ProjectReference Include="{generator}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" SetTargetFramework="TargetFramework=netstandard2.0" />
                <Compile Remove="obj/**" />
              </ItemGroup>

              <!-- -p:CardGenRulesOff=true keeps every analyzer but CardGen's: CARDGEN rules set to none are not run. -->
              <ItemGroup Condition="'$(CardGenRulesOff)' == 'true'">
                <GlobalAnalyzerConfigFiles Include="cardgen-rules-off.globalconfig" />
              </ItemGroup>
            </Project>

            """;
    }

    private static string RulesOffConfig()
    {
        var config = new StringBuilder("is_global = true\n");
        for (var id = 1; id <= 99; id++)
        {
            config.Append(CultureInfo.InvariantCulture, $"dotnet_diagnostic.CARDGEN{id:D3}.severity = none\n");
        }

        return config.ToString();
    }

    private const string Shared = """
        namespace CardGenBuildTime;

        /// <summary>How bad an event is.</summary>
        public enum Severity { Info, Minor, Major, Critical }

        /// <summary>Where an event happened.</summary>
        public enum DeployEnvironment { Development, Staging, Production }
        """;

    private (string Source, string Name) CardType(int i, Random random)
    {
        var name = $"{Domains[i % Domains.Length]}{Events[(i / Domains.Length) % Events.Length]}{i:D3}";
        var first = Words[random.Next(Words.Length)];
        var second = Words[(Array.IndexOf(Words, first) + 1 + random.Next(Words.Length - 1)) % Words.Length];
        var members = new List<string>
        {
            $"public required string {first} {{ get; init; }}",
            "public int Number { get; init; }",
            "public DateTimeOffset At { get; init; }",
            "public TimeSpan Elapsed { get; init; }",
            $"[CardFact(\"{second}\", Order = 1)] public required string {second} {{ get; init; }}",
            "[CardFact(\"Severity\", Order = 1)] public Severity Severity { get; init; }",
            "[CardFact(\"Environment\", Order = 1)] public DeployEnvironment? Environment { get; init; }",
        };

        var title = random.Next(3) switch
        {
            0 => $"{name[..^3]} {{Number:N0}} of {{{first}}}",
            1 => $"{{{first}}}: {name[..^3]} at {{At:yyyy-MM-dd HH:mm}}",
            _ => $"{name[..^3]} {{Number}} in {{{second}}}",
        };
        var summary = random.Next(2) == 0
            ? $"{{{first}}} on {{{second}}} after {{Elapsed:c}}"
            : $"{{{first}}} #{{Number:D4}} ({{Severity}})";

        if (random.Next(2) == 0)
        {
            members.Add("[CardFact(\"Started\", Format = \"yyyy-MM-dd HH:mm\", Order = 1)] public DateTimeOffset Started { get; init; }");
        }

        if (random.Next(2) == 0)
        {
            members.Add("[CardFact(\"Ratio\", Format = \"0.00\", Order = 1)] public double Ratio { get; init; }");
        }

        if (random.Next(2) == 0)
        {
            members.Add("[CardFact(\"Retries\", Order = 1)] public int? Retries { get; init; }");
        }

        if (random.Next(3) == 0)
        {
            members.Add("[CardFact(\"Acknowledged\", Order = 1)] public bool Acknowledged { get; init; }");
        }

        if (random.Next(2) == 0)
        {
            members.Add("[CardFacts(Order = 2)] public Dictionary<string, string>? Labels { get; init; }");
        }

        members.Add("[CardText(Weight = FontWeight.Bolder, Size = FontSize.Medium)] public string? Headline { get; init; }");
        if (random.Next(2) == 0)
        {
            members.Add("[CardText(IsSubtle = true, MaxLines = 4, Order = 3)] public string? Details { get; init; }");
        }

        if (random.Next(2) == 0)
        {
            members.Add("[CardImage(AltText = \"Owner\", Size = ImageSize.Small, Style = ImageStyle.Person)] public Uri? Avatar { get; init; }");
        }

        var part = HasPart(i) ? $"{name}Item" : null;
        if (part is not null)
        {
            members.Add($"[CardSection(Title = \"Items\", Style = ContainerStyle.Emphasis, Separator = true, Order = 4)] public List<{part}> Items {{ get; init; }} = new();");
        }

        var actions = 1 + random.Next(3);
        members.Add("[CardAction(\"Open\", Style = ActionStyle.Positive, Order = 5)] public required Uri Url { get; init; }");
        for (var a = 1; a < actions; a++)
        {
            members.Add($"[CardAction(\"Open link {a}\", Order = 5)] public Uri? Link{a} {{ get; init; }}");
        }

        var kind = random.Next(3) switch { 0 => "sealed partial record", 1 => "sealed partial class", _ => "partial record" };
        var source = new StringBuilder();
        source.Append("using System;\nusing System.Collections.Generic;\nusing CardGen;\nusing CardGen.Cards;\n\n");
        source.Append(CultureInfo.InvariantCulture, $"namespace CardGenBuildTime.Cards;\n\n");
        if (part is not null)
        {
            source.Append(CultureInfo.InvariantCulture, $$"""
                /// <summary>One item of <see cref="{{name}}"/>.</summary>
                [CardPart]
                public sealed partial class {{part}}
                {
                    [CardText(Weight = FontWeight.Bolder)] public string Name { get; init; } = "";
                    [CardFact("State")] public string? State { get; init; }
                    [CardFact("Took", Format = @"m\m\ ss\s")] public TimeSpan Took { get; init; }
                }


                """);
        }

        source.Append(CultureInfo.InvariantCulture, $"/// <summary>The {name} event.</summary>\n");
        source.Append(CultureInfo.InvariantCulture, $"[ChatCard(Title = \"{title}\", Summary = \"{summary}\", IconUrl = \"https://example.com/icons/{Domains[i % Domains.Length].ToLowerInvariant()}.png\")]\n");
        source.Append(CultureInfo.InvariantCulture, $"public {kind} {name}\n{{\n");
        foreach (var member in members)
        {
            source.Append("    ").Append(member).Append('\n');
        }

        source.Append("}\n");
        return (source.ToString(), name);
    }

    private static string BuilderUse(int i, string name) => $$"""
            /// <summary>The {{name}} card with a note and a second link.</summary>
            public static AdaptiveCard With{{name}}({{name}} evt) => evt.ToCardBuilder()
                .AddElement(new FactSet(new Fact("Ticket", "T-{{i}}"), new Fact("Queue", "ops")) { Id = "facts{{i}}" })
                .AddElement(new TextBlock("Sent by the build-time benchmark") { IsSubtle = true, Wrap = true })
                .AddAction(new OpenUrlAction("Runbook", "https://example.com/runbooks/{{i}}"))
                .Build();

        """;
}
