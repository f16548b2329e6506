using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;

namespace CardGen.Package.Tests;

/// <summary>
/// The packed generator must load into every compiler CardGen supports: it may reference Roslyn no newer than 4.8
/// (a newer reference makes older SDKs and IDEs drop it with CS9057) and must target netstandard2.0.
/// </summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class GeneratorReferencesTests
{
    private static readonly Version OldestSupportedRoslyn = new(4, 8, 0, 0);

    // What the compiler itself provides to analyzers at Roslyn 4.8 (and not newer): anything else would have to ship
    // beside the generator in analyzers/dotnet/cs, or the generator fails to load in the user's build.
    private static readonly (string Name, Version Highest)[] CompilerProvided =
    {
        ("netstandard", new Version(2, 0, 0, 0)),
        ("System.Collections.Immutable", new Version(7, 0, 0, 0)),
        ("System.Reflection.Metadata", new Version(7, 0, 0, 0)),
        ("System.Memory", new Version(4, 0, 1, 2)),
        ("System.Buffers", new Version(4, 0, 3, 0)),
        ("System.Numerics.Vectors", new Version(4, 1, 4, 0)),
        ("System.Runtime.CompilerServices.Unsafe", new Version(6, 0, 0, 0)),
        ("System.Threading.Tasks.Extensions", new Version(4, 2, 0, 1)),
        ("System.Text.Encoding.CodePages", new Version(7, 0, 0, 0)),
    };

    private readonly PackageFixture _fixture;

    public GeneratorReferencesTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Generator_references_Roslyn_no_newer_than_4_8_and_targets_netstandard2_0()
    {
        var package = await _fixture.GetPackageAsync();
        using var image = await ReadGeneratorAsync(package.PackagePath);
        using var pe = new PEReader(image);
        var reader = pe.GetMetadataReader();

        var references = reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(r => (Name: reader.GetString(r.Name), r.Version))
            .ToList();
        var listing = string.Join("\n  ", references.Select(r => $"{r.Name} {r.Version}"));

        var roslyn = references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.True(roslyn.Any(r => r.Name == "Microsoft.CodeAnalysis"), $"The generator does not reference Microsoft.CodeAnalysis at all. References:\n  {listing}");
        var tooNew = roslyn.Where(r => r.Version > OldestSupportedRoslyn).ToList();
        Assert.True(tooNew.Count == 0, $"References newer than Roslyn {OldestSupportedRoslyn} make older compilers drop the generator (CS9057): [{string.Join(", ", tooNew.Select(r => $"{r.Name} {r.Version}"))}]. References:\n  {listing}");

        Assert.True(references.Any(r => r.Name == "netstandard"), $"The generator does not reference netstandard. References:\n  {listing}");
        Assert.False(references.Any(r => r.Name is "System.Runtime" or "System.Private.CoreLib"), $"The generator references a .NET (Core) framework assembly instead of netstandard only. References:\n  {listing}");
        Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(reader));
    }

    [Fact]
    public async Task Generator_references_only_what_the_Roslyn_4_8_compiler_provides()
    {
        var package = await _fixture.GetPackageAsync();
        using var image = await ReadGeneratorAsync(package.PackagePath);
        using var pe = new PEReader(image);
        var reader = pe.GetMetadataReader();

        var references = reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(r => (Name: reader.GetString(r.Name), r.Version))
            .ToList();
        var listing = string.Join("\n  ", references.Select(r => $"{r.Name} {r.Version}"));

        var unresolvable = references
            .Where(r => !r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Where(r => !CompilerProvided.Any(p => p.Name == r.Name && r.Version <= p.Highest))
            .ToList();
        Assert.True(unresolvable.Count == 0, $"The generator references assemblies a Roslyn 4.8 compiler does not provide (and the package does not ship beside it): [{string.Join(", ", unresolvable.Select(r => $"{r.Name} {r.Version}"))}]. References:\n  {listing}");
    }

    private static async Task<MemoryStream> ReadGeneratorAsync(string packagePath)
    {
        using var zip = ZipFile.OpenRead(packagePath);
        var entry = zip.GetEntry("analyzers/dotnet/cs/CardGen.Generator.dll");
        Assert.True(entry != null, "analyzers/dotnet/cs/CardGen.Generator.dll is missing from the package.");
        var image = new MemoryStream();
        using (var stream = entry!.Open())
        {
            await stream.CopyToAsync(image);
        }

        image.Position = 0;
        return image;
    }

    /// <summary>The assembly's [TargetFramework] value, read from its custom attribute blob.</summary>
    private static string? TargetFramework(MetadataReader reader)
    {
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(type.Name) != "TargetFrameworkAttribute")
            {
                continue;
            }

            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1)
            {
                return null;
            }

            return blob.ReadSerializedString();
        }

        return null;
    }
}
