using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CardGen.Generator.Tests;

/// <summary>MSBuild properties as the compiler hands them to generators and analyzers (<c>build_property.X</c>, keys in any case).</summary>
internal sealed class GlobalOptionsProvider(IEnumerable<(string Key, string Value)> options) : AnalyzerConfigOptionsProvider
{
    private readonly Options _global = new(options.ToDictionary(o => o.Key, o => o.Value, AnalyzerConfigOptions.KeyComparer));

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
