using System;
using System.Globalization;
using CardGen.Generator.Models;
using Microsoft.CodeAnalysis;

namespace CardGen.Generator.Analyzers;

/// <summary>Whether a .NET format string suits a member's type, and which member name is closest to a misspelt one.</summary>
internal static class FormatRules
{
    private static readonly DateTime SampleDate = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    /// <summary>Why <paramref name="format"/> cannot format a value of <paramref name="type"/>, or null when it can.</summary>
    public static string? Problem(ValueKind kind, ITypeSymbol type, string format)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] })
        {
            type = inner;
        }

        switch (kind)
        {
            case ValueKind.String:
            case ValueKind.Uri:
            case ValueKind.Boolean:
            case ValueKind.Char:
                return $"a {Describe(type)} is written as it is; a format has no effect on it";
            case ValueKind.Enum:
                return format.Length == 1 && "GgDdXxFf".IndexOf(format[0]) >= 0
                    ? null
                    : $"'{format}' is not an enum format (G, D, X or F)";
            case ValueKind.DateTime:
                return Try(() => SampleDate.ToString(format, CultureInfo.InvariantCulture), format, "a date");
            case ValueKind.DateTimeOffset:
                return Try(() => new DateTimeOffset(SampleDate).ToString(format, CultureInfo.InvariantCulture), format, "a date");
            case ValueKind.Formattable:
                return Sample(type) is { } sample
                    ? Try(() => sample.ToString(format, CultureInfo.InvariantCulture), format, "a " + Describe(type))
                    : null;
            default:
                return null;
        }
    }

    private static IFormattable? Sample(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_SByte: return (sbyte)1;
            case SpecialType.System_Byte: return (byte)1;
            case SpecialType.System_Int16: return (short)1;
            case SpecialType.System_UInt16: return (ushort)1;
            case SpecialType.System_Int32: return 1;
            case SpecialType.System_UInt32: return 1u;
            case SpecialType.System_Int64: return 1L;
            case SpecialType.System_UInt64: return 1UL;
            case SpecialType.System_Single: return 1.5f;
            case SpecialType.System_Double: return 1.5d;
            case SpecialType.System_Decimal: return 1.5m;
        }

        if (type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
        {
            switch (type.Name)
            {
                case "TimeSpan": return TimeSpan.FromMinutes(90);
                case "Guid": return Guid.Empty;
            }
        }

        return null;
    }

    private static string? Try(Func<string> format, string text, string what)
    {
        try
        {
            format();
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return $"'{text}' is not a valid format for {what}";
        }
    }

    private static string Describe(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_String => "string",
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Char => "char",
        SpecialType.System_Int32 => "int",
        SpecialType.System_Int64 => "long",
        SpecialType.System_Double => "double",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_Single => "float",
        _ => type.Name,
    };

    /// <summary>The candidate closest to <paramref name="name"/>: a different case first, then at most a third of its letters off.</summary>
    public static string? Closest(string name, System.Collections.Generic.IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(1, name.Length / 3);
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            if (Math.Abs(candidate.Length - name.Length) > limit)
            {
                continue;
            }

            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Edit distance with adjacent transpositions (optimal string alignment).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }

                d[i, j] = value;
            }
        }

        return d[a.Length, b.Length];
    }
}
