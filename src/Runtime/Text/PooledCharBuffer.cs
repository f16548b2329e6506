using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace CardGen;

/// <summary>
/// Characters put together in a buffer the caller lends (usually on the stack), moved to an array rented from
/// <see cref="ArrayPool{T}.Shared"/> when they outgrow it. The one growth mechanism behind the runtime's text builders
/// (<see cref="Templates.TemplateText"/>, <see cref="Cards.CardTemplateText"/>), which differ only in how they format.
/// </summary>
/// <remarks>
/// A mutable value: keep it in a field that is not <see langword="readonly"/> and call it in place, never through a
/// copy (a copy grows into an array the original never returns, or returns one the original still writes into).
/// <see cref="Dispose"/> returns the rented array, once.
/// </remarks>
internal ref struct PooledCharBuffer
{
    /// <summary>The fewest characters a rented array is asked for, so a small buffer outgrown is not outgrown again at once.</summary>
    internal const int MinimumRent = 64;

    private Span<char> _chars;
    private char[]? _rented;
    private int _length;

    /// <summary>Starts empty in <paramref name="initial"/>.</summary>
    /// <param name="initial">The lent buffer; may be empty.</param>
    public PooledCharBuffer(Span<char> initial)
    {
        _chars = initial;
        _rented = null;
        _length = 0;
    }

    /// <summary>How many characters are written.</summary>
    public readonly int Length => _length;

    /// <summary>How many characters fit before the buffer grows again.</summary>
    public readonly int Capacity => _chars.Length;

    /// <summary>The characters written so far; valid until the buffer grows or is disposed.</summary>
    public readonly ReadOnlySpan<char> Written => _chars.Slice(0, _length);

    /// <summary>Makes room for <paramref name="additional"/> more characters, moving to a larger pooled array if needed.</summary>
    /// <param name="additional">How many more characters.</param>
    public void EnsureCapacity(int additional)
    {
        if (additional > _chars.Length - _length)
        {
            Grow(additional);
        }
    }

    /// <summary>Appends characters.</summary>
    /// <param name="text">The characters.</param>
    public void Append(scoped ReadOnlySpan<char> text)
    {
        EnsureCapacity(text.Length);
        text.CopyTo(_chars.Slice(_length));
        _length += text.Length;
    }

    /// <summary>Appends a character.</summary>
    /// <param name="c">The character.</param>
    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    /// <summary>Appends <paramref name="count"/> characters for the caller to fill in.</summary>
    /// <param name="count">How many characters.</param>
    /// <returns>Where they go; valid until the buffer grows or is disposed.</returns>
    public Span<char> AppendSpan(int count)
    {
        EnsureCapacity(count);
        var span = _chars.Slice(_length, count);
        _length += count;
        return span;
    }

    /// <summary>Empties the buffer and returns the rented array, if it has one (a lent buffer is kept for reuse).</summary>
    public void Dispose()
    {
        _length = 0;
        if (_rented is { } rented)
        {
            _rented = null;
            _chars = default;
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int additional)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(Math.Max(_chars.Length * 2, MinimumRent), _length + additional));
        _chars.Slice(0, _length).CopyTo(larger);
        var old = _rented;
        _rented = larger;
        _chars = larger;
        if (old is not null)
        {
            ArrayPool<char>.Shared.Return(old);
        }
    }
}
