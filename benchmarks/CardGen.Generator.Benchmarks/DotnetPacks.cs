using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CardGen.Generator.Benchmarks;

/// <summary>
/// Finds, in the installed .NET SDK, the shared framework's reference pack (<c>packs/Microsoft.NETCore.App.Ref</c>):
/// its reference assemblies (what both benchmark compilations reference) and the System.Text.Json source generator it
/// ships under <c>analyzers/dotnet</c>.
/// </summary>
internal static class DotnetPacks
{
    private const string StjGeneratorFile = "System.Text.Json.SourceGeneration.dll";
    private const string OverrideVariable = "CARDGEN_STJ_GENERATOR";

    private static readonly Lazy<RefPack> Pack = new(Find);

    /// <summary>The reference pack's folder, for example <c>/usr/share/dotnet/packs/Microsoft.NETCore.App.Ref/10.0.12</c>.</summary>
    public static string PackDirectory => Pack.Value.Directory;

    /// <summary>The System.Text.Json generator assembly chosen for the Roslyn version these benchmarks reference.</summary>
    public static string StjGeneratorPath => Pack.Value.StjGenerator;

    /// <summary>The reference pack's reference assemblies (<c>ref/netX.0/*.dll</c>).</summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences => Pack.Value.References;

    /// <summary>Loads the System.Text.Json generator; throws with the path and reason when it cannot.</summary>
    public static ISourceGenerator LoadStjGenerator()
    {
        var path = StjGeneratorPath;
        var reference = new AnalyzerFileReference(path, new DefaultContextLoader());
        string? failure = null;
        reference.AnalyzerLoadFailed += (_, e) => failure ??= $"{e.ErrorCode}: {e.Message}";
        var generators = reference.GetGenerators(LanguageNames.CSharp);
        if (failure is not null || generators.Length == 0)
        {
            throw new InvalidOperationException(
                $"Cannot load the System.Text.Json source generator from {path} with Roslyn {RoslynVersion}: "
                + (failure ?? "the assembly holds no C# generator") + $". Set {OverrideVariable} to another {StjGeneratorFile}.");
        }

        return generators.Single();
    }

    /// <summary>The version of the Roslyn these benchmarks run (Microsoft.CodeAnalysis' assembly version).</summary>
    public static Version RoslynVersion => typeof(Compilation).Assembly.GetName().Version!;

    private static RefPack Find()
    {
        var roots = DotnetRoots().ToList();
        var major = Environment.Version.Major;
        var packs = roots
            .Select(root => Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories)
            .Select(dir => (Dir: dir, Version: ParseVersion(Path.GetFileName(dir))))
            .Where(p => p.Version is { } v && v.Major == major)
            .OrderByDescending(p => p.Version)
            .ToList();
        if (packs.Count == 0)
        {
            throw new InvalidOperationException(
                $"No Microsoft.NETCore.App.Ref {major}.x reference pack under {string.Join(", ", roots.Select(r => Path.Combine(r, "packs")))}. "
                + "Install the .NET SDK these benchmarks target, or set DOTNET_ROOT to it.");
        }

        var pack = packs[0].Dir;
        var refDir = Path.Combine(pack, "ref", $"net{major}.0");
        var references = Directory.Exists(refDir)
            ? Directory.GetFiles(refDir, "*.dll").Order(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray()
            : ImmutableArray<MetadataReference>.Empty;
        if (references.IsEmpty)
        {
            throw new InvalidOperationException($"The reference pack {pack} has no reference assemblies in {refDir}.");
        }

        var generator = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(generator))
        {
            if (!File.Exists(generator))
            {
                throw new InvalidOperationException($"{OverrideVariable} is set to {generator}, which does not exist.");
            }
        }
        else
        {
            generator = PickStjGenerator(Path.Combine(pack, "analyzers", "dotnet"))
                ?? throw new InvalidOperationException(
                    $"No {StjGeneratorFile} loadable with Roslyn {RoslynVersion} under {Path.Combine(pack, "analyzers", "dotnet")} "
                    + $"(looked in cs/ and roslyn<N.M>/cs/ with N.M at most {RoslynVersion.Major}.{RoslynVersion.Minor}). "
                    + $"Set {OverrideVariable} to the path of a {StjGeneratorFile}.");
        }

        return new RefPack(pack, generator, references);
    }

    /// <summary>
    /// Picks the generator built for the newest Roslyn not newer than the one referenced here: packs keep one copy per
    /// Roslyn version in <c>roslyn4.4/cs</c>, <c>roslyn4.8/cs</c>… or, when there is only one, straight in <c>cs</c>.
    /// </summary>
    private static string? PickStjGenerator(string analyzers)
    {
        if (!Directory.Exists(analyzers))
        {
            return null;
        }

        var roslyn = new Version(RoslynVersion.Major, RoslynVersion.Minor);
        var versioned = Directory.GetDirectories(analyzers, "roslyn*")
            .Select(dir => (Dir: dir, Version: ParseVersion(Path.GetFileName(dir)["roslyn".Length..])))
            .Where(d => d.Version is { } v && v <= roslyn && File.Exists(Path.Combine(d.Dir, "cs", StjGeneratorFile)))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "cs", StjGeneratorFile))
            .FirstOrDefault();
        if (versioned is not null)
        {
            return versioned;
        }

        var plain = Path.Combine(analyzers, "cs", StjGeneratorFile);
        return File.Exists(plain) ? plain : null;
    }

    private static IEnumerable<string> DotnetRoots()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("DOTNET_ROOT"),

            // The running runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/.
            Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")),
            "/usr/share/dotnet",
            "/usr/lib/dotnet",
            "/usr/local/share/dotnet",
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet"),
        };
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrEmpty(candidate) && Directory.Exists(candidate) && seen.Add(Path.GetFullPath(candidate)))
            {
                yield return Path.GetFullPath(candidate);
            }
        }
    }

    private static Version? ParseVersion(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return Version.TryParse(dash < 0 ? text : text[..dash], out var version) ? version : null;
    }

    private sealed record RefPack(string Directory, string StjGenerator, ImmutableArray<MetadataReference> References);

    /// <summary>Loads analyzers into the default context, where this process' Roslyn already is (the generator binds to it).</summary>
    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }

    internal static string Describe()
        => string.Create(CultureInfo.InvariantCulture, $"reference pack {PackDirectory}; System.Text.Json generator {StjGeneratorPath}; Roslyn {RoslynVersion}");
}
