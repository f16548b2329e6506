using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace CardGen.Generator.Tests;

/// <summary>
/// Feeds thousands of broken variants of realistic annotated sources (deleted, duplicated and swapped tokens, wrong
/// attribute arguments, broken templates, other member types and type shapes) through the generator and every
/// analyzer, and asserts that neither ever throws: no CS8784/CS8785, no exception in the generator's run result, no
/// AD0001 and nothing passed to the analyzer exception callback. Where a variant's only errors are CARDGEN ones, the
/// generated code compiles and every use of a generated member binds (<see cref="GeneratedCodeChecks"/>).
/// </summary>
/// <remarks>
/// Deterministic: iteration <c>i</c> of seed <c>s</c> always produces the same source. Replay a failure with
/// <c>CARDGEN_GENERATOR_FUZZ_SEED=s CARDGEN_GENERATOR_FUZZ_ITERATION=i dotnet test tests/CardGen.Generator.Tests -c Release --filter FuzzTests</c>;
/// <c>CARDGEN_GENERATOR_FUZZ_ITERATIONS</c> changes how many run. Failing sources are written to <c>artifacts/fuzz/</c>, and the
/// counts of each run (cases, mutations, outcomes, time) to <c>artifacts/fuzz/generator-counts.txt</c>.
/// <para>Each case runs the generator and every analyzer, but compiles the generated code only where it is checked:
/// when the source's own errors are at most uses of generated members (<see cref="AnalyzerHarness.RunOnTreeAsync"/>).
/// The seeds are parsed once, and cases run on every core.</para>
/// </remarks>
public sealed class FuzzTests
{
    private const int DefaultSeed = 20261127;

    private const int DefaultIterations = 2000;

    private static readonly TimeSpan IterationTimeout = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Generator_and_analyzers_never_throw_on_mutated_sources()
    {
        var fuzz = FuzzRun.FromEnvironment("CARDGEN_GENERATOR_FUZZ", DefaultSeed, DefaultIterations);
        var (seed, only, indices) = (fuzz.Seed, fuzz.Only, fuzz.Iterations);

        var seeds = Seeds();
        var baseCompilation = GeneratorHarness.Compile(LanguageVersion.Latest);
        if (!AnalyzerHarness.Analyzers.IsEmpty)
        {
            baseCompilation = AnalyzerHarness.EnableAllRules(baseCompilation);
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var failures = new ConcurrentBag<(int Iteration, string Source, IReadOnlyList<string> Problems)>();
        var mutationKinds = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var outcomes = new ConcurrentDictionary<GeneratedCodeOutcome, int>();
        var started = DateTime.UtcNow;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

        await Parallel.ForEachAsync(indices, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, async (iteration, _) =>
        {
            var (source, kinds, globalOptions) = Mutate(seeds, seed, iteration);
            foreach (var kind in kinds)
            {
                mutationKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
            }

            var problems = new List<string>();
            try
            {
                using var timeout = new CancellationTokenSource(IterationTimeout);
                var tree = CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Fuzz{iteration}.cs", cancellationToken: timeout.Token);
                // The generated code is compiled only where it is checked: when the source's only errors are uses of generated members.
                var run = await AnalyzerHarness.RunOnTreeAsync(
                    baseCompilation.AddSyntaxTrees(tree),
                    tree,
                    globalOptions,
                    compileAll: errors => errors.All(GeneratedCodeChecks.IsMissingGeneratedMember),
                    timeout.Token);
                problems.AddRange(run.Crashes());
                if (problems.Count == 0)
                {
                    var (checks, outcome) = GeneratedCodeChecks.Check(run, tree, timeout.Token);
                    problems.AddRange(checks);
                    outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                }
            }
            catch (OperationCanceledException)
            {
                problems.Add($"the generator and analyzers did not finish within {IterationTimeout.TotalSeconds:0} s");
            }
            catch (Exception e)
            {
                problems.Add($"the driver threw {e}");
            }

            if (problems.Count > 0)
            {
                failures.Add((iteration, source, problems));
            }
        });

        var compiled = outcomes.GetValueOrDefault(GeneratedCodeOutcome.Compiles);
        // CPU time as well as wall-clock time: on a shared machine the first says what the run costs, whatever the load.
        var cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var counts = $"seed {seed}: {indices.Length} mutated sources in {(DateTime.UtcNow - started).TotalSeconds:0.0} s ({cpuSeconds:0.0} s of CPU), "
            + $"{AnalyzerHarness.Analyzers.Length} analyzer(s); {compiled} compiled but for CARDGEN errors and had their generated code checked, "
            + $"{outcomes.GetValueOrDefault(GeneratedCodeOutcome.SourceDoesNotCompile)} did not compile, {failures.Count} failed; "
            + $"mutations: {string.Join(", ", mutationKinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))}";
        _output.WriteLine(counts);
        File.WriteAllText(Path.Combine(RepositoryPaths.Artifacts("fuzz"), "generator-counts.txt"), counts + "\n");

        if (!failures.IsEmpty)
        {
            var directory = Path.Combine(RepositoryPaths.Root, "artifacts", "fuzz");
            Directory.CreateDirectory(directory);
            var report = new StringBuilder();
            report.Append(CultureInfo.InvariantCulture, $"{failures.Count} of {indices.Length} mutated sources made the generator or an analyzer throw (seed {seed}). ");
            report.Append(CultureInfo.InvariantCulture, $"Replay one with {fuzz.ReplayAny}. Sources are in {directory}.\n");
            foreach (var failure in failures.OrderBy(f => f.Iteration).Take(5))
            {
                var file = Path.Combine(directory, $"seed-{seed}-iteration-{failure.Iteration}.cs");
                File.WriteAllText(file, failure.Source);
                report.Append(CultureInfo.InvariantCulture, $"\n=== seed {seed}, iteration {failure.Iteration} ({file}) ===\n");
                foreach (var problem in failure.Problems)
                {
                    report.Append(problem).Append('\n');
                }

                report.Append("--- mutated source ---\n").Append(failure.Source).Append('\n');
            }

            _output.WriteLine(report.ToString());
            Assert.Fail(report.ToString());
        }

        // Without analyzers only the generator was exercised: that is not the whole test. And every case ran, a good
        // share of them far enough for their generated code to be checked.
        Assert.False(AnalyzerHarness.Analyzers.IsEmpty, AnalyzerHarness.NoAnalyzers);
        Assert.Equal(indices.Length, outcomes.Values.Sum());
        Assert.True(only is not null || compiled >= indices.Length / 10, $"Only {compiled} of {indices.Length} mutated sources compiled but for CARDGEN errors; the generated-code checks hardly ran. {counts}");
    }

    /// <summary>Minimal forms of sources the fuzzer once found to break the generator or an analyzer.</summary>
    [Theory]
    [InlineData("section style named twice", "[CardPart] public partial class P { [CardText] public string A { get; set; } = \"\"; } [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardSection(Style = ContainerStyle.Attention, Style = ContainerStyle.Good)] public P? S { get; set; } }")]
    [InlineData("section title named twice", "[CardPart] public partial class P { [CardText] public string A { get; set; } = \"\"; } [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardSection(Title = \"a\", Title = \"b\")] public P? S { get; set; } }")]
    [InlineData("image size named twice", "[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardImage(Size = ImageSize.Small, Size = ImageSize.Large)] public System.Uri? A { get; set; } }")]
    [InlineData("card title named twice", "[ChatCard(Title = \"T\", Title = \"U\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }")]
    public async Task Generator_and_analyzers_survive_what_the_fuzzer_found(string _, string declaration)
    {
        var source = "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n" + declaration;
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, source);
        var run = await AnalyzerHarness.RunAsync(AnalyzerHarness.Analyzers.IsEmpty ? compilation : AnalyzerHarness.EnableAllRules(compilation));

        var crashes = run.Crashes();
        Assert.True(crashes.Count == 0, string.Join("\n", crashes) + "\n--- source ---\n" + source);
    }

    [Fact]
    public void Mutations_are_reproducible_from_the_seed_and_iteration()
    {
        var seeds = Seeds();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var first = Mutate(seeds, DefaultSeed, iteration);
            var second = Mutate(seeds, DefaultSeed, iteration);
            Assert.Equal(first.Source, second.Source);
            Assert.Equal(first.Kinds, second.Kinds);
        }

        // And they really change the source, in every way listed.
        var kinds = Enumerable.Range(0, 400).Select(i => Mutate(seeds, DefaultSeed, i)).SelectMany(m => m.Kinds).Distinct().ToList();
        Assert.Equal(Mutator.Kinds.OrderBy(k => k, StringComparer.Ordinal), kinds.OrderBy(k => k, StringComparer.Ordinal));
    }

    private static readonly ConcurrentDictionary<string, Mutator.Parsed> SeedSyntax = new(StringComparer.Ordinal);

    private static (string Source, List<string> Kinds, List<(string Key, string Value)> GlobalOptions) Mutate(IReadOnlyList<string> seeds, int seed, int iteration)
    {
        var random = new Random(unchecked((seed * 7919) + iteration));
        var source = seeds[random.Next(seeds.Count)];
        var kinds = new List<string>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            // The seeds are parsed once for the whole run; a mutated source once per mutation.
            var (mutated, kind) = Mutator.Apply(i == 0 ? SeedSyntax.GetOrAdd(source, Mutator.Parse) : Mutator.Parse(source), random);
            source = mutated;
            kinds.Add(kind);
        }

        // Now and then the project defaults are odd too.
        var globalOptions = new List<(string Key, string Value)>();
        if (random.Next(8) == 0)
        {
            globalOptions.Add(("build_property.CardGenDefaultVersion", Mutator.Pick(random, "1.0", "1.2", "1.6", "", " ", "9.9", "1.3.0", "one", "-1", "\u0000")));
        }

        if (random.Next(8) == 0)
        {
            globalOptions.Add(("build_property.CardGenDefaultHost", Mutator.Pick(random, "Generic", "RingCentral", "ringcentral", "", "Teams", "2", "Default", "\u0000")));
        }

        return (source, kinds, globalOptions);
    }

    /// <summary>The annotated sources that get mutated: every feature source, the runtime tests' and the sample's cards, and builder use.</summary>
    private static IReadOnlyList<string> Seeds()
    {
        var root = RepositoryPaths.Root;
        var files = new[]
        {
            Path.Combine(root, "tests", "CardGen.Tests", "Generated", "Events.cs"),
            Path.Combine(root, "tests", "CardGen.Tests", "Generated", "EdgeEvents.cs"),
            Path.Combine(root, "samples", "CardGen.Sample", "Cards", "BuildFailed.cs"),
            Path.Combine(root, "samples", "CardGen.Sample", "Cards", "IssueCards.cs"),
        };

        // Every seed file is there: a moved one would otherwise shrink the fuzzer's input without a word.
        var missing = files.Where(f => !File.Exists(f)).ToList();
        Assert.True(missing.Count == 0, $"Fuzz seed files are missing: {string.Join(", ", missing)}");
        return FeatureSources.All.Values
            .Concat(files.Select(File.ReadAllText))
            .Append(BuilderUse)
            .ToList();
    }

    // Code that adds to generated builders, project defaults and literals the analyzers look at.
    private const string BuilderUse = """
        using System;
        using CardGen;
        using CardGen.Cards;

        [assembly: ChatCardDefaults(Host = ChatHost.RingCentral, Version = "1.3")]

        namespace Demo.Builders;

        [ChatCard(Title = "Incident {Id}", Summary = "Incident {Id} opened", IconUrl = "https://example.com/i.png")]
        public partial class IncidentOpened
        {
            public int Id { get; set; }
            [CardFact("Service")] public string Service { get; set; } = "";
            [CardAction("Acknowledge", Style = ActionStyle.Positive)] public Uri? AckUrl { get; set; }
        }

        public static class Use
        {
            private const string Hook = "https://hooks.ringcentral.com/webhook/v2/00000000-0000-0000-0000-000000000000";

            public static AdaptiveCard Build(IncidentOpened incident) => incident.ToCardBuilder()
                .AddElement(new Table { Rows = { new TableRow(new TableCell(new TextBlock("p95")), new TableCell(new TextBlock("840 ms"))) } })
                .AddElement(new TextInput("comment") { Label = "Comment" })
                .AddElement(new TextInput("comment"))
                .AddElement(new Image("avatar.png") { Width = "80" })
                .AddAction(new ExecuteAction("Ack", "ack"))
                .AddAction(new SubmitAction("Send"))
                .AddAction(new OpenUrlAction("", "ci/builds/42"))
                .Configure(b => b.AddElement(new TextBlock("done") { Style = TextBlockStyle.Heading }))
                .Configure(c =>
                {
                    c.AddText("more").AddElement(new TextInput("comment"));
                    c.AddAction(new OpenUrlAction("Open", "https://example.com/a") { Id = "open" });
                })
                .Build();

            public static WebhookUrl Url() => WebhookUrl.Parse(Hook);
        }
        """;

    /// <summary>One random change to a source, chosen among <see cref="Kinds"/>.</summary>
    private static class Mutator
    {
        public static readonly string[] Kinds =
        {
            "delete-token", "duplicate-token", "swap-tokens", "bad-argument", "add-argument", "drop-quotes",
            "template-char", "member-type", "remove-partial", "nest-type", "add-generics", "type-kind",
            "rename-attribute", "random-char", "truncate",
        };

        private static readonly string[] BadValues =
        {
            "null", "\"\"", "\" \"", "-1", "0", "int.MaxValue", "int.MinValue", "long.MaxValue", "1e308", "double.NaN",
            "\"" + new string('x', 20_000) + "\"", "\"" + string.Concat(Enumerable.Repeat("{Number}", 2_000)) + "\"",
            "(ChatHost)99", "(ChatHost)(-1)", "(ActionStyle)42", "(FontSize)int.MaxValue", "(ContainerStyle)(-7)",
            "true", "'c'", "typeof(string)", "default", "new object()", "nameof(Missing)", "Missing.Value", "1.3",
            "ChatHost.Generic", "ActionStyle.Destructive", "\"{\"", "\"}\"", "\"{}\"", "\"{:}\"", "\"{Number:}\"", "\"{{{\"",
            "\"}}}\"", "\"{Number:\"", "\"{0}\"", "\"{ Number }\"", "\"{Number,10}\"", "\"{Number:{N}}\"", "\"{@class}\"",
            "\"{@}\"", "\"{Number:yyyy-MM-dd}\"", "\"{Missing:N2}\"", "\"1.99\"", "\"01.3\"", "\"1.\"", "\"v1.3\"", "\"1.3.0\"",
            "\"\\u0000\"", "\"\\uD800\"", "\"http://\"", "\"https://\"", "\"://x\"", "\"icon.png\"", "\"data:image/png;base64,\"",
            "\"javascript:alert(1)\"", "\"https://hooks.ringcentral.com/webhook/v2/abc\"", "\"https://\" + \"example.com\"",
            "$\"{1}\"", "\"\"\"raw\"\"\"", "@\"\"\"\"", "\"80\"", "\"80px\"", "\"#GGHHII\"", "__arglist", "1 +", "(",
        };

        private static readonly string[] ArgumentNames =
        {
            "Title", "Summary", "Version", "Host", "IconUrl", "Style", "Size", "Format", "Order", "Markdown", "MaxLines",
            "AltText", "Separator", "Weight", "Color", "Wrap", "IsSubtle", "Missing",
        };

        private static readonly string[] MemberTypes =
        {
            "int", "int?", "object", "object?", "dynamic", "Uri", "string", "string?", "DateTime", "DateTimeOffset?", "bool",
            "char", "decimal", "Guid", "TimeSpan", "List<int>", "List<string>?", "int[]", "Dictionary<int, int>",
            "Dictionary<string, object>", "IEnumerable<KeyValuePair<string, string>>", "Action", "Func<string>", "Span<int>",
            "int*", "Missing", "Missing<int>", "(int, string)", "System.Version", "Nullable<Nullable<int>>", "void", "T",
            "ChatHost", "ChatCardAttribute", "CardGen.Cards.AdaptiveCard", "Task<string>", "ref int",
        };

        private static readonly string[] AttributeNames =
        {
            "ChatCard", "CardPart", "CardText", "CardFact", "CardFacts", "CardImage", "CardAction", "CardSection",
            "CardIgnore", "ChatCardDefaults", "Obsolete", "Missing",
        };

        public static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];

        /// <summary>A source with its syntax, parsed once for every kind of mutation tried on it.</summary>
        public sealed record Parsed(string Source, SyntaxNode Root, List<SyntaxToken> Tokens);

        public static Parsed Parse(string source)
        {
            var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
            return new Parsed(source, root, root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList());
        }

        public static (string Source, string Kind) Apply(Parsed parsed, Random random)
        {
            // Some kinds find nothing to change in a given source; then another kind is tried.
            var source = parsed.Source;
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var kind = Kinds[random.Next(Kinds.Length)];
                var mutated = Mutate(kind, parsed, random);
                if (mutated is not null && mutated != source)
                {
                    return (mutated, kind);
                }
            }

            return (source.Insert(random.Next(source.Length + 1), "}"), "random-char");
        }

        private static string? Mutate(string kind, Parsed parsed, Random random)
        {
            var (source, root, tokens) = parsed;
            switch (kind)
            {
                case "delete-token":
                {
                    var token = tokens[random.Next(tokens.Count)];
                    return Replace(source, token.Span, "");
                }

                case "duplicate-token":
                {
                    var token = tokens[random.Next(tokens.Count)];
                    return source.Insert(token.Span.End, " " + token.Text);
                }

                case "swap-tokens":
                {
                    if (tokens.Count < 2)
                    {
                        return null;
                    }

                    var i = random.Next(tokens.Count - 1);
                    var (a, b) = (tokens[i], tokens[i + 1]);
                    var between = source[a.Span.End..b.SpanStart];
                    return source[..a.SpanStart] + b.Text + between + a.Text + source[b.Span.End..];
                }

                case "bad-argument":
                {
                    var arguments = root.DescendantNodes().OfType<AttributeArgumentSyntax>().ToList();
                    if (arguments.Count == 0)
                    {
                        return null;
                    }

                    var argument = arguments[random.Next(arguments.Count)];
                    return Replace(source, argument.Expression.Span, Pick(random, BadValues));
                }

                case "add-argument":
                {
                    var attributes = root.DescendantNodes().OfType<AttributeSyntax>().ToList();
                    if (attributes.Count == 0)
                    {
                        return null;
                    }

                    var attribute = attributes[random.Next(attributes.Count)];
                    var argument = $"{Pick(random, ArgumentNames)} = {Pick(random, BadValues)}";
                    if (attribute.ArgumentList is null)
                    {
                        return source.Insert(attribute.Span.End, "(" + argument + ")");
                    }

                    var separator = attribute.ArgumentList.Arguments.Count == 0 ? "" : ", ";
                    return source.Insert(attribute.ArgumentList.CloseParenToken.SpanStart, separator + argument);
                }

                case "drop-quotes":
                {
                    var literals = tokens.Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).ToList();
                    if (literals.Count == 0)
                    {
                        return null;
                    }

                    var literal = literals[random.Next(literals.Count)];
                    return random.Next(3) switch
                    {
                        0 => Replace(source, literal.Span, literal.ValueText),
                        1 => Replace(source, new Microsoft.CodeAnalysis.Text.TextSpan(literal.SpanStart, 1), ""),
                        _ => Replace(source, new Microsoft.CodeAnalysis.Text.TextSpan(literal.Span.End - 1, 1), ""),
                    };
                }

                case "template-char":
                {
                    var literals = tokens.Where(t => t.IsKind(SyntaxKind.StringLiteralToken) && t.Span.Length >= 2).ToList();
                    if (literals.Count == 0)
                    {
                        return null;
                    }

                    var literal = literals[random.Next(literals.Count)];
                    var offset = literal.SpanStart + 1 + random.Next(literal.Span.Length - 1);
                    return source.Insert(offset, Pick(random, "{", "}", ":", "{{", "}}", "{:", ":}", "{}", "{Number", "Number}", "\\", "{@"));
                }

                case "member-type":
                {
                    var types = root.DescendantNodes()
                        .Select(n => n switch
                        {
                            PropertyDeclarationSyntax p => p.Type,
                            FieldDeclarationSyntax f => f.Declaration.Type,
                            ParameterSyntax { Type: not null } parameter => parameter.Type,
                            _ => null,
                        })
                        .Where(t => t is not null)
                        .ToList();
                    if (types.Count == 0)
                    {
                        return null;
                    }

                    return Replace(source, types[random.Next(types.Count)]!.Span, Pick(random, MemberTypes));
                }

                case "remove-partial":
                {
                    var partials = tokens.Where(t => t.IsKind(SyntaxKind.PartialKeyword)).ToList();
                    return partials.Count == 0 ? null : Replace(source, partials[random.Next(partials.Count)].Span, "");
                }

                case "nest-type":
                {
                    var types = root.DescendantNodes().OfType<TypeDeclarationSyntax>().ToList();
                    if (types.Count == 0)
                    {
                        return null;
                    }

                    var type = types[random.Next(types.Count)];
                    var outer = Pick(random, "public class Outer", "public partial class Outer", "public static partial class Outer", "public partial struct Outer", "public partial class Outer<TOuter>", "internal partial record Outer", "public partial interface IOuter", "file partial class Outer");
                    return source[..type.FullSpan.Start] + outer + " {\n" + source[type.FullSpan.Start..type.FullSpan.End] + "\n}\n" + source[type.FullSpan.End..];
                }

                case "add-generics":
                {
                    var types = root.DescendantNodes().OfType<TypeDeclarationSyntax>().ToList();
                    if (types.Count == 0)
                    {
                        return null;
                    }

                    var type = types[random.Next(types.Count)];
                    var end = type.TypeParameterList?.Span.End ?? type.Identifier.Span.End;
                    return source.Insert(end, Pick(random, "<T>", "<T, U>", "<in T>", "<T>?", "<>", "<int>"));
                }

                case "type-kind":
                {
                    var keywords = tokens.Where(t => t.Kind() is SyntaxKind.ClassKeyword or SyntaxKind.StructKeyword or SyntaxKind.RecordKeyword).ToList();
                    if (keywords.Count == 0)
                    {
                        return null;
                    }

                    return Replace(source, keywords[random.Next(keywords.Count)].Span, Pick(random, "class", "struct", "record", "record struct", "ref struct", "readonly struct", "interface", "enum", "static class", "abstract class", "sealed class", "file class", "delegate", "ref partial struct"));
                }

                case "rename-attribute":
                {
                    var attributes = root.DescendantNodes().OfType<AttributeSyntax>().ToList();
                    if (attributes.Count == 0)
                    {
                        return null;
                    }

                    var attribute = attributes[random.Next(attributes.Count)];
                    return random.Next(3) == 0
                        ? source.Insert(attribute.Parent!.Span.End, " " + attribute.Parent.ToString())   // the whole list twice
                        : Replace(source, attribute.Name.Span, Pick(random, AttributeNames));
                }

                case "random-char":
                    return source.Insert(random.Next(source.Length + 1), Pick(random, "{", "}", "(", ")", "[", "]", ";", ",", "\"", "'", "@", "$", "#", "<", ">", ":", "=", "?", "\n#if X\n", "/*", "\\u0041"));

                case "truncate":
                    return source[..random.Next(source.Length)];

                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown mutation.");
            }
        }

        private static string Replace(string source, Microsoft.CodeAnalysis.Text.TextSpan span, string text) =>
            source[..span.Start] + text + source[span.End..];
    }
}
