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
/// (a newer reference makes older SDKs and IDEs drop it with CS9057) and must target netstandard2.0. The code fixes
/// obey the same limit, and only they may reference Workspaces, which the command-line compiler does not load.
/// </summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class GeneratorReferencesTests
{
    private const string GeneratorPath = "analyzers/dotnet/cs/CardGen.Generator.dll";

    private const string CodeFixesPath = "analyzers/dotnet/cs/CardGen.CodeFixes.dll";

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
        using var packed = await OpenPackedAsync(GeneratorPath);
        var (reader, references, listing) = (packed.Reader, packed.References, packed.Listing);

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
        using var packed = await OpenPackedAsync(GeneratorPath);
        var (reader, references, listing) = (packed.Reader, packed.References, packed.Listing);

        var unresolvable = references
            .Where(r => !r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Where(r => !CompilerProvided.Any(p => p.Name == r.Name && r.Version <= p.Highest))
            .ToList();
        Assert.True(unresolvable.Count == 0, $"The generator references assemblies a Roslyn 4.8 compiler does not provide (and the package does not ship beside it): [{string.Join(", ", unresolvable.Select(r => $"{r.Name} {r.Version}"))}]. References:\n  {listing}");
    }

    [Fact]
    public async Task Generator_does_not_reference_Workspaces()
    {
        // The compiler loads the generator assembly for the generator and the analyzers alike; Workspaces is not part
        // of the command-line compiler, so a reference to it would break every build outside the IDE.
        using var packed = await OpenPackedAsync(GeneratorPath);
        var (references, listing) = (packed.References, packed.Listing);

        var workspaces = references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && r.Name.Contains("Workspaces", StringComparison.Ordinal)).ToList();
        Assert.True(workspaces.Count == 0, $"The generator references Workspaces: [{string.Join(", ", workspaces.Select(r => r.Name))}]. References:\n  {listing}");
    }

    [Fact]
    public async Task Code_fixes_reference_Roslyn_no_newer_than_4_8_and_target_netstandard2_0()
    {
        using var packed = await OpenPackedAsync(CodeFixesPath);
        var (reader, references, listing) = (packed.Reader, packed.References, packed.Listing);

        var tooNew = references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && r.Version > OldestSupportedRoslyn).ToList();
        Assert.True(tooNew.Count == 0, $"References newer than Roslyn {OldestSupportedRoslyn} make older IDEs drop the code fixes: [{string.Join(", ", tooNew.Select(r => $"{r.Name} {r.Version}"))}]. References:\n  {listing}");
        Assert.False(references.Any(r => r.Name is "System.Runtime" or "System.Private.CoreLib"), $"The code fixes reference a .NET (Core) framework assembly instead of netstandard only. References:\n  {listing}");
        Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(reader));
    }

    [Fact]
    public async Task Code_fixes_hold_code_fix_providers_built_on_Workspaces()
    {
        using var packed = await OpenPackedAsync(CodeFixesPath);
        var (reader, references, listing) = (packed.Reader, packed.References, packed.Listing);

        // A compiler drops references it does not use, so these hold only when the assembly has real code fixes.
        Assert.True(references.Any(r => r.Name == "Microsoft.CodeAnalysis.Workspaces"), $"The packed code fixes do not reference Microsoft.CodeAnalysis.Workspaces (no code fix compiled in?). References:\n  {listing}");
        var typeReferences = reader.TypeReferences.Select(h => reader.GetTypeReference(h)).Select(t => reader.GetString(t.Namespace) + "." + reader.GetString(t.Name)).ToList();
        Assert.True(typeReferences.Contains("Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider"), "The packed code fixes derive nothing from CodeFixProvider.");
        Assert.True(references.Any(r => r.Name == "CardGen.Generator"), $"The code fixes do not use the generator assembly's diagnostic ids. References:\n  {listing}");
    }

    /// <summary>Opens an assembly from the packed package for metadata reading: its references and a listing of them.</summary>
    private async Task<PackedAssembly> OpenPackedAsync(string path)
    {
        var package = await _fixture.GetPackageAsync();
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entry = zip.GetEntry(path);
        Assert.True(entry != null, $"{path} is missing from the package.");
        var image = new MemoryStream();
        using (var stream = entry!.Open())
        {
            await stream.CopyToAsync(image);
        }

        image.Position = 0;
        return new PackedAssembly(new PEReader(image));
    }

    private sealed class PackedAssembly : IDisposable
    {
        private readonly PEReader _pe;

        public PackedAssembly(PEReader pe)
        {
            _pe = pe;
            Reader = pe.GetMetadataReader();
            References = Reader.AssemblyReferences
                .Select(handle => Reader.GetAssemblyReference(handle))
                .Select(r => (Name: Reader.GetString(r.Name), r.Version))
                .ToList();
            Listing = string.Join("\n  ", References.Select(r => $"{r.Name} {r.Version}"));
        }

        public MetadataReader Reader { get; }

        public System.Collections.Generic.List<(string Name, Version Version)> References { get; }

        public string Listing { get; }

        public void Dispose() => _pe.Dispose();
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
