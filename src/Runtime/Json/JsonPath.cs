using System.Globalization;

namespace CardGen.Json;

/// <summary>JSON paths as findings and errors show them: <c>$.body[0].text</c>, and <c>$['choices.data']</c> for an odd name.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '$'))
            {
                return parent + "['" + name.Replace("'", "\\'") + "']";
            }
        }

        return parent + "." + name;
    }

    public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
