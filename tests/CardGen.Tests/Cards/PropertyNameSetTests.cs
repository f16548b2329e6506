using System;
using System.Collections.Generic;
using System.Linq;
using CardGen.Cards;

namespace CardGen.Tests.Cards;

/// <summary>The reader's compact set of explicit property names behaves as a <see cref="HashSet{T}"/> does.</summary>
public sealed class PropertyNameSetTests
{
    private static readonly string[] Names =
    {
        "wrap", "size", "style", "spacing", "separator", "isVisible", "imageSize", "items", "actions", "id",
        "height", "width", "mode", "role", "", "x", "firstRowAsHeaders", "choices.data", "$schema", "b", "bleed",
    };

    [Fact]
    public void Every_operation_agrees_with_a_hash_set()
    {
        const int seed = 1127;
        var random = new Random(seed);
        var set = new PropertyNameSet();
        var reference = new HashSet<string>(StringComparer.Ordinal);
        for (var step = 0; step < 5000; step++)
        {
            var name = Names[random.Next(Names.Length)];
            var other = Enumerable.Range(0, random.Next(4)).Select(_ => Names[random.Next(Names.Length)]).ToArray();
            var operation = random.Next(12);
            var context = $"seed {seed}, step {step}, operation {operation}";
            switch (operation)
            {
                case 0 or 1 or 2: Assert.True(reference.Add(name) == set.Add(name), context); break;
                case 3: Assert.True(reference.Remove(name) == set.Remove(name), context); break;
                case 4: reference.UnionWith(other); set.UnionWith(other); break;
                case 5: reference.ExceptWith(other); set.ExceptWith(other); break;
                case 6: reference.IntersectWith(other); set.IntersectWith(other); break;
                case 7: reference.SymmetricExceptWith(other); set.SymmetricExceptWith(other); break;
                case 8:
                    Assert.True(
                        (reference.IsSubsetOf(other), reference.IsSupersetOf(other), reference.IsProperSubsetOf(other), reference.IsProperSupersetOf(other), reference.Overlaps(other), reference.SetEquals(other))
                        == (set.IsSubsetOf(other), set.IsSupersetOf(other), set.IsProperSubsetOf(other), set.IsProperSupersetOf(other), set.Overlaps(other), set.SetEquals(other)),
                        context);
                    break;
                case 9 when random.Next(20) == 0: reference.Clear(); set.Clear(); break;
                default: Assert.True(reference.Contains(name) == set.Contains(name), context); break;
            }

            Assert.True(reference.Count == set.Count, context);
            Assert.True(reference.SetEquals(set), context);
            foreach (var n in Names)
            {
                Assert.True(reference.Contains(n) == set.Contains(n), $"{context}: Contains(\"{n}\")");
            }
        }

        var copy = new string[set.Count + 1];
        set.CopyTo(copy, 1);
        Assert.True(reference.SetEquals(copy.Skip(1)));
    }
}
