using System.Globalization;
using System.Text;

namespace CardGen.Generator.Templates;

/// <summary>C# literals for generated source; shared with the cardgen tool's scaffold, so it takes no Roslyn types.</summary>
internal static class CSharpText
{
    /// <summary>A C# string literal holding <paramref name="text"/> (non-ASCII characters escaped, so the source stays ASCII).</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
