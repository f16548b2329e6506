using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CardGen.BuildTime;

/// <summary>
/// Writes a project of annotated <c>[ChatCard]</c> types and prints the commands that build it with CardGen's analyzers
/// on and off; <c>--verify</c> runs them once and checks that each variant is what it claims to be.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: dotnet run -c Release --project benchmarks/CardGen.BuildTime -- [--out <dir>] [--types <n>] [--seed <n>] [--verify]

          --out     where to write the project (default: artifacts/buildtime under the repository; emptied first)
          --types   how many [ChatCard] types (default 300)
          --seed    varies the types' members (default 1)
          --verify  also build each variant once and check it: the generator ran (one .g.cs per type), CardGen's
                    analyzers ran only where they should, and no CARDGEN diagnostic was reported
        """;

    public static int Main(string[] args)
    {
        string? output = null;
        var types = 300;
        var seed = 1;
        var verify = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length:
                    output = Path.GetFullPath(args[++i]);
                    break;
                case "--types" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out types) && types > 0:
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--verify":
                    verify = true;
                    break;
                default:
                    Console.Error.WriteLine(args[i] is "-h" or "--help" ? Usage : $"error: unexpected argument '{args[i]}'.\n{Usage}");
                    return args[i] is "-h" or "--help" ? 0 : 2;
            }
        }

        var root = FindRepositoryRoot();
        if (root is null)
        {
            Console.Error.WriteLine("error: run this from inside the CardGen repository (no CardGen.sln above the current folder).");
            return 2;
        }

        output ??= Path.Combine(root, "artifacts", "buildtime");
        var writer = new ProjectWriter(root, types, seed);
        var project = writer.Write(output);
        var projectDirectory = Path.GetDirectoryName(project)!;

        var variants = Variants();
        Console.WriteLine($"Wrote {types} [ChatCard] types (seed {seed}) to {projectDirectory}");
        Console.WriteLine();
        Console.WriteLine("Prepare once (restores, and builds the CardGen runtime and generator the project references):");
        Console.WriteLine($"  cd {projectDirectory}");
        Console.WriteLine($"  dotnet build {Prepare}");
        Console.WriteLine();
        Console.WriteLine("Each command below recompiles only this project (Rebuild, no restore, referenced projects not built),");
        Console.WriteLine("so every run is a real compile. Build servers are off (--disable-build-servers: no compiler server,");
        Console.WriteLine("no MSBuild node reuse or server), so each run starts the same way, the compiler runs as a child");
        Console.WriteLine("process whose CPU time is counted, and nothing outlives the command. Run each command once untimed,");
        Console.WriteLine("then time the variants alternately, several runs each (at least 5), and compare the medians.");
        foreach (var (name, arguments, _) in variants)
        {
            Console.WriteLine();
            Console.WriteLine($"{name}:");
            Console.WriteLine($"  dotnet build {arguments}");
        }

        return verify ? Verify(projectDirectory, writer.ExpectedGeneratedFiles(), variants) : 0;
    }

    private const string Prepare = "-c Release -nologo";

    private const string Compile = "-c Release --no-restore -t:Rebuild -p:BuildProjectReferences=false --disable-build-servers -nologo -v:q";

    /// <summary>The variants: name, the arguments of 'dotnet build', and whether CardGen's analyzers must run.</summary>
    private static List<(string Name, string Arguments, bool CardGenAnalyzersRun)> Variants() => new()
    {
        ("Analyzers on (the default)", Compile, true),
        ("Analyzers off: -p:RunAnalyzers=false skips every DiagnosticAnalyzer but still runs source generators", Compile + " -p:RunAnalyzers=false", false),
        ("CardGen's rules off, every other analyzer on (a global config sets CARDGEN001-099 to none)", Compile + " -p:CardGenRulesOff=true", false),
    };

    private static int Verify(string projectDirectory, int expectedGenerated, List<(string Name, string Arguments, bool CardGenAnalyzersRun)> variants)
    {
        Console.WriteLine();
        Console.WriteLine("Verifying each variant once (-p:ReportAnalyzer=true -v:d lists the analyzers and generators the compiler ran):");
        var prepare = Run(projectDirectory, Prepare);
        if (prepare.ExitCode != 0)
        {
            Console.Error.WriteLine($"error: the prepare build failed:\n{prepare.Output}");
            return 1;
        }

        var failed = false;
        foreach (var (name, arguments, cardGenAnalyzersRun) in variants)
        {
            var result = Run(projectDirectory, arguments.Replace("-v:q", "-v:d", StringComparison.Ordinal) + " -p:ReportAnalyzer=true");
            var generated = Directory.Exists(Path.Combine(projectDirectory, "obj", "generated"))
                ? Directory.EnumerateFiles(Path.Combine(projectDirectory, "obj", "generated"), "*.g.cs", SearchOption.AllDirectories)
                    .Count(f => f.Contains(Path.DirectorySeparatorChar + "CardGen.Generator" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                : 0;
            // The report lists every analyzer it loaded; one whose rules are all off is listed with a time of "<0.001"
            // because the compiler never calls it, so "ran" means a measurable time.
            var analyzers = Regex.Matches(result.Output, @"^\s*(?<time>\d+\.\d+)\s+\S+\s+(?<name>CardGen\.Generator\.Analyzers\.\w+)", RegexOptions.Multiline, TimeSpan.FromSeconds(5))
                .Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var generatorRan = result.Output.Contains("CardGen.Generator.CardGenerator", StringComparison.Ordinal);
            var diagnostics = Regex.Matches(result.Output, @"(error|warning) CARDGEN\d{3}[^\r\n]*", RegexOptions.None, TimeSpan.FromSeconds(5))
                .Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

            var problems = new List<string>();
            if (result.ExitCode != 0)
            {
                problems.Add($"the build failed (exit code {result.ExitCode})");
            }

            if (generated != expectedGenerated)
            {
                problems.Add($"the generator wrote {generated} files, not {expectedGenerated}");
            }

            if (!generatorRan)
            {
                problems.Add("the analyzer report does not list CardGen.Generator.CardGenerator");
            }

            if (cardGenAnalyzersRun && analyzers.Count == 0)
            {
                problems.Add("no CardGen analyzer ran");
            }
            else if (!cardGenAnalyzersRun && analyzers.Count > 0)
            {
                problems.Add($"CardGen analyzers ran: {string.Join(", ", analyzers)}");
            }

            if (diagnostics.Count > 0)
            {
                problems.Add($"CARDGEN diagnostics: {string.Join("; ", diagnostics.Take(5))}");
            }

            Console.WriteLine($"  {name}: {(problems.Count == 0 ? "ok" : "FAILED")}; {generated} generated files; CardGen analyzers run: [{string.Join(", ", analyzers)}]");
            foreach (var problem in problems)
            {
                Console.WriteLine($"    - {problem}");
            }

            if (problems.Count > 0)
            {
                failed = true;
                File.WriteAllText(Path.Combine(projectDirectory, "verify-" + variants.FindIndex(v => v.Name == name) + ".log"), result.Output);
            }
        }

        return failed ? 1 : 0;
    }

    private static (int ExitCode, string Output) Run(string directory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", "build " + arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CardGen.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
