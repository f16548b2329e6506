using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CardGen.Aot.Tests;

/// <summary>What every publish test reads from a publish's output, and where it writes its figures.</summary>
internal static partial class PublishChecks
{
    /// <summary>The lines of a build's output that report a warning (MSBuild's, the compiler's, the ILCompiler's).</summary>
    public static List<string> WarningLines(string output)
        => output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => WarningCode().IsMatch(l)).ToList();

    /// <summary>Writes <c>key: value</c> lines to <c>artifacts/aot/<paramref name="file"/></c>.</summary>
    public static void WriteFigures(string file, Dictionary<string, object> figures)
        => File.WriteAllLines(
            Path.Combine(RepositoryPaths.Artifacts("aot"), file),
            figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}: {f.Value}")));

    [GeneratedRegex(@"\bwarning\s+(?<code>[A-Z]+[0-9]+)\s*:")]
    public static partial Regex WarningCode();
}
