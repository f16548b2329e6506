using System;
using System.Linq;

namespace CardGen.Tests.Text;

/// <summary>The char buffer both text builders put their texts together in: a lent buffer, then pooled arrays.</summary>
public sealed class PooledCharBufferTests
{
    [Fact]
    public void A_text_that_fits_stays_in_the_lent_buffer()
    {
        Span<char> stack = stackalloc char[16];
        var buffer = new PooledCharBuffer(stack);
        buffer.Append("abc".AsSpan());
        buffer.Append('d');
        buffer.AppendSpan(2).Fill('e');
        buffer.EnsureCapacity(10);

        Assert.Equal("abcdee", buffer.Written.ToString());
        Assert.Equal(6, buffer.Length);
        Assert.Equal(16, buffer.Capacity);
        Assert.Equal("abcdee", stack.Slice(0, 6).ToString());
        buffer.Dispose();
    }

    [Fact]
    public void Growing_past_the_lent_buffer_moves_the_text_to_a_pooled_array_and_keeps_it()
    {
        Span<char> stack = stackalloc char[8];
        var buffer = new PooledCharBuffer(stack);
        buffer.Append("12345678".AsSpan());
        Assert.Equal(8, buffer.Capacity);

        buffer.Append('9');

        Assert.Equal("123456789", buffer.Written.ToString());
        Assert.True(buffer.Capacity >= PooledCharBuffer.MinimumRent, $"a pooled array of at least {PooledCharBuffer.MinimumRent}, not {buffer.Capacity}");
        Assert.False(stack.Overlaps(buffer.Written), "the text has moved off the lent buffer");
        buffer.Dispose();
    }

    [Fact]
    public void A_long_text_grows_through_several_arrays_and_keeps_every_character()
    {
        var expected = string.Concat(Enumerable.Range(0, 1000).Select(i => i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + ","));
        var buffer = new PooledCharBuffer(stackalloc char[4]);
        var capacities = new System.Collections.Generic.List<int>();
        for (var i = 0; i < 1000; i++)
        {
            switch (i % 3)
            {
                case 0:
                    buffer.Append(expected.AsSpan(i * 5, 5));
                    break;
                case 1:
                    expected.AsSpan(i * 5, 5).CopyTo(buffer.AppendSpan(5));
                    break;
                default:
                    foreach (var c in expected.AsSpan(i * 5, 5))
                    {
                        buffer.Append(c);
                    }

                    break;
            }

            if (capacities.Count == 0 || capacities[^1] != buffer.Capacity)
            {
                capacities.Add(buffer.Capacity);
            }
        }

        Assert.Equal(expected, buffer.Written.ToString());
        Assert.Equal(5000, buffer.Length);
        Assert.True(capacities.Count >= 5, $"grew through {string.Join(", ", capacities)}");
        buffer.Dispose();
    }

    [Fact]
    public void Making_room_first_moves_once_and_keeps_the_text()
    {
        var buffer = new PooledCharBuffer(stackalloc char[4]);
        buffer.Append("ab".AsSpan());
        buffer.EnsureCapacity(500);
        var capacity = buffer.Capacity;
        Assert.True(capacity >= 502, $"room for 502, not {capacity}");

        buffer.AppendSpan(500).Fill('x');

        Assert.Equal(capacity, buffer.Capacity);
        Assert.Equal("ab" + new string('x', 500), buffer.Written.ToString());
        buffer.Dispose();
    }

    [Fact]
    public void An_empty_buffer_grows_from_nothing()
    {
        var buffer = new PooledCharBuffer(Span<char>.Empty);
        buffer.Append('a');
        buffer.Append("bc".AsSpan());

        Assert.Equal("abc", buffer.Written.ToString());
        buffer.Dispose();
    }

    [Fact]
    public void Disposing_returns_the_pooled_array_and_empties_the_buffer_but_keeps_a_lent_one()
    {
        var grown = new PooledCharBuffer(stackalloc char[8]);
        grown.Append(new string('z', 100).AsSpan());
        grown.Dispose();
        Assert.Equal(0, grown.Length);
        Assert.Equal(0, grown.Capacity);
        Assert.True(grown.Written.IsEmpty);

        // Disposed again it has nothing left to return; it still takes text afterwards, in a fresh array.
        grown.Dispose();
        grown.Append("again".AsSpan());
        Assert.Equal("again", grown.Written.ToString());
        grown.Dispose();

        Span<char> stack = stackalloc char[8];
        var lent = new PooledCharBuffer(stack);
        lent.Append("abc".AsSpan());
        lent.Dispose();
        Assert.Equal(0, lent.Length);
        Assert.Equal(8, lent.Capacity);
        lent.Append("de".AsSpan());
        Assert.Equal("de", stack.Slice(0, 2).ToString());
        lent.Dispose();
    }
}
