using CardGen.Json;

namespace CardGen.Tests.Json;

/// <summary>The text repair the client and the emulator share (the emulator compiles the same file).</summary>
public sealed class SafeTextTests
{
    [Theory]
    [InlineData(@"plain", "plain")]
    [InlineData(@"a\nb\tc\rd\be\ff", "a\nb\tc\rd\be\ff")]
    [InlineData(@"\""\\\/", "\"\\/")]
    [InlineData(@"\u00e9\u00C9", "éÉ")]
    [InlineData(@"\ud83d\ude00", "😀")]
    [InlineData(@"\u12", @"u12")]             // broken escapes keep their characters
    [InlineData(@"end\", @"end\")]
    public void Unescape_decodes_every_JSON_escape_and_never_throws(string escaped, string expected)
        => Assert.Equal(expected, SafeText.Unescape(escaped));

    // Lone surrogates do not survive as theory data (xunit serializes it as UTF-8), so these cases are in code.
    [Fact]
    public void Unescape_keeps_an_escaped_lone_surrogate_for_the_repair_to_replace()
        => Assert.Equal("\udc00x", SafeText.Unescape(@"\udc00x"));

    [Fact]
    public void Lone_surrogates_are_found_and_replaced_and_pairs_kept()
    {
        var cases = new (string Text, string Repaired, int Index)[]
        {
            ("ok 😀", "ok 😀", -1),
            ("a\udc00b", "a\uFFFDb", 1),
            ("\ud800\ud800\udc00", "\uFFFD\ud800\udc00", 0),
            ("x\ud83d", "x\uFFFD", 1),
        };
        foreach (var (text, repaired, index) in cases)
        {
            Assert.Equal(index, SafeText.IndexOfLoneSurrogate(text));
            Assert.Equal(repaired, SafeText.ReplaceLoneSurrogates(text));
        }
    }

    [Theory]
    [InlineData("short", 5, "short")]
    [InlineData("longer", 4, "long\u2026")]
    [InlineData("ab😀cd", 3, "ab\u2026")]   // the pair at 2-3 is not cut in two
    [InlineData("ab😀cd", 4, "ab😀\u2026")]
    public void Clip_never_cuts_a_character_in_two(string text, int max, string expected)
        => Assert.Equal(expected, SafeText.Clip(text, max));
}
