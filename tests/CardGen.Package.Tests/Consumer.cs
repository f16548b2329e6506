using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace CardGen.Package.Tests;

/// <summary>A fresh project that references the packed CardGen package from the temp feed, as a user's would.</summary>
internal sealed class Consumer
{
    private readonly PackageFixture _fixture;

    private Consumer(PackageFixture fixture, string name)
    {
        _fixture = fixture;
        Name = name;
        Directory = Path.Combine(fixture.ConsumersDirectory, name);
        ProjectPath = Path.Combine(Directory, name + ".csproj");
    }

    public string Name { get; }

    public string Directory { get; }

    public string ProjectPath { get; }

    /// <summary>Writes the project file (with <paramref name="properties"/> and a PackageReference to the packed version) and its sources.</summary>
    public static Consumer Create(PackageFixture fixture, PackedPackage package, string name, string properties, IReadOnlyDictionary<string, string> sources)
        => Create(fixture, name, properties, $"""
              <ItemGroup>
                <PackageReference Include="CardGen" Version="{package.Version}" />
              </ItemGroup>
            """, sources);

    /// <summary>Writes the project file (with <paramref name="properties"/> and <paramref name="references"/>, its way to CardGen) and its sources.</summary>
    public static Consumer Create(PackageFixture fixture, string name, string properties, string references, IReadOnlyDictionary<string, string> sources)
    {
        var consumer = new Consumer(fixture, name);
        System.IO.Directory.CreateDirectory(consumer.Directory);
        File.WriteAllText(consumer.ProjectPath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
            {properties}
                <IsPackable>false</IsPackable>
                <!-- Keeps the generator's output on disk, as evidence that the generator ran. -->
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
            {references}
            </Project>
            """);
        foreach (var source in sources)
        {
            File.WriteAllText(Path.Combine(consumer.Directory, source.Key), source.Value);
        }

        return consumer;
    }

    public Task<ProcessResult> DotNetAsync(params string[] arguments) =>
        ProcessRunner.RunDotNetAsync(Directory, arguments, _fixture.ConsumerEnvironment);

    /// <summary>Evaluates MSBuild properties of the project (no build).</summary>
    public async Task<IReadOnlyDictionary<string, string>> EvaluateAsync(params string[] properties)
    {
        var arguments = new List<string> { "msbuild", ProjectPath, "-nologo" };
        arguments.AddRange(properties.Select(p => "-getProperty:" + p));
        var result = await DotNetAsync(arguments.ToArray());
        Assert.True(result.ExitCode == 0, $"Evaluating {Name} failed.\n{result.Describe()}");
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    /// <summary>Checks that MSBuild and NuGet saw only the temp folder's files, never the repository's.</summary>
    public async Task AssertIsolatedAsync()
    {
        var repository = _fixture.RepositoryRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        Assert.False(Directory.StartsWith(repository, StringComparison.Ordinal), $"The consumer {Directory} lies inside the repository {repository}.");

        var properties = await EvaluateAsync("DirectoryBuildPropsPath", "DirectoryBuildTargetsPath", "DirectoryPackagesPropsPath", "ManagePackageVersionsCentrally", "RestoreConfigFilePaths", "RestorePackagesPath");
        var summary = string.Join("\n  ", properties.Select(p => $"{p.Key} = {p.Value}"));
        Assert.True(Path.Combine(_fixture.Root, "Directory.Build.props") == properties["DirectoryBuildPropsPath"], $"Wrong Directory.Build.props:\n  {summary}");
        Assert.True(Path.Combine(_fixture.Root, "Directory.Build.targets") == properties["DirectoryBuildTargetsPath"], $"Wrong Directory.Build.targets:\n  {summary}");
        Assert.True(!properties["ManagePackageVersionsCentrally"].Equals("true", StringComparison.OrdinalIgnoreCase), $"Central package management leaked in:\n  {summary}");
        var packagesProps = properties["DirectoryPackagesPropsPath"];
        Assert.True(packagesProps.Length == 0 || packagesProps == Path.Combine(_fixture.Root, "Directory.Packages.props"), $"Wrong Directory.Packages.props:\n  {summary}");
    }

    /// <summary>The CardGen version that restore resolved, from obj/project.assets.json.</summary>
    public string RestoredCardGenVersion()
    {
        var assets = Path.Combine(Directory, "obj", "project.assets.json");
        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        var library = json.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(p => p.Name)
            .FirstOrDefault(n => n.StartsWith("CardGen/", StringComparison.OrdinalIgnoreCase));
        return library?["CardGen/".Length..] ?? "(not restored)";
    }

    /// <summary>
    /// Files the CardGen generator wrote (EmitCompilerGeneratedFiles), relative to the project, or to
    /// <paramref name="intermediateRoot"/> when the build put its obj/ there (an artifacts path).
    /// </summary>
    public IReadOnlyList<string> GeneratedFiles(string? intermediateRoot = null)
    {
        var root = intermediateRoot ?? Directory;
        return System.IO.Directory.Exists(Path.Combine(root, "obj"))
            ? System.IO.Directory.EnumerateFiles(Path.Combine(root, "obj"), "*.g.cs", SearchOption.AllDirectories)
                .Where(f => f.Contains(Path.DirectorySeparatorChar + "CardGen.Generator" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(root, f))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList()
            : Array.Empty<string>();
    }
}
