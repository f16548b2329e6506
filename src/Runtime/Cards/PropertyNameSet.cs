using System;
using System.Collections;
using System.Collections.Generic;

namespace CardGen.Cards;

/// <summary>
/// The set behind <see cref="CardObject.ExplicitProperties"/> when the reader fills it: a few property names in an
/// array, found by a length-and-first-letter mask and a short scan. A card read from JSON holds one per object, and
/// the writer asks it about every default it is about to leave out, so it must cost less than a hash set in memory
/// and in time.
/// </summary>
internal sealed class PropertyNameSet : ISet<string>
{
    private string[] _names = new string[4];
    private int _count;
    private ulong _mask;

    public int Count => _count;

    public bool IsReadOnly => false;

    public bool Contains(string item)
    {
        if (item is null || (_mask & Bit(item)) == 0)
        {
            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names[i], item, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public bool Add(string item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        if (Contains(item))
        {
            return false;
        }

        if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
        }

        _names[_count++] = item;
        _mask |= Bit(item);
        return true;
    }

    void ICollection<string>.Add(string item) => Add(item);

    public bool Remove(string item)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names[i], item, StringComparison.Ordinal))
            {
                _names[i] = _names[--_count];
                _names[_count] = null!;
                _mask = 0;
                for (var k = 0; k < _count; k++)
                {
                    _mask |= Bit(_names[k]);
                }

                return true;
            }
        }

        return false;
    }

    public void Clear()
    {
        Array.Clear(_names, 0, _count);
        _count = 0;
        _mask = 0;
    }

    public void CopyTo(string[] array, int arrayIndex) => Array.Copy(_names, 0, array, arrayIndex, _count);

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _names[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void UnionWith(IEnumerable<string> other)
    {
        foreach (var name in other ?? throw new ArgumentNullException(nameof(other)))
        {
            Add(name);
        }
    }

    public void ExceptWith(IEnumerable<string> other)
    {
        foreach (var name in other ?? throw new ArgumentNullException(nameof(other)))
        {
            Remove(name);
        }
    }

    public void IntersectWith(IEnumerable<string> other)
    {
        var copy = Copy();
        copy.IntersectWith(other);
        Reset(copy);
    }

    public void SymmetricExceptWith(IEnumerable<string> other)
    {
        var copy = Copy();
        copy.SymmetricExceptWith(other);
        Reset(copy);
    }

    public bool IsSubsetOf(IEnumerable<string> other) => Copy().IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => Copy().IsSupersetOf(other);

    public bool IsProperSubsetOf(IEnumerable<string> other) => Copy().IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => Copy().IsProperSupersetOf(other);

    public bool Overlaps(IEnumerable<string> other) => Copy().Overlaps(other);

    public bool SetEquals(IEnumerable<string> other) => Copy().SetEquals(other);

    // A name's length and first letter pick one of 64 bits; names the set does not hold mostly miss it.
    private static ulong Bit(string name) => 1UL << ((name.Length + (name.Length > 0 ? name[0] : 0)) & 63);

    private HashSet<string> Copy()
    {
        var copy = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _count; i++)
        {
            copy.Add(_names[i]);
        }

        return copy;
    }

    private void Reset(HashSet<string> names)
    {
        Clear();
        UnionWith(names);
    }
}
