using System;
using System.Linq;
using Models = CardGen.Generator.Models;

namespace CardGen.Generator.Tests;

/// <summary>
/// The generator reads the runtime's enums from attribute arguments into its own copies and writes their member names
/// into generated code: each copy must name the runtime's values exactly.
/// </summary>
public sealed class ModelEnumTests
{
    public static TheoryData<Type, Type> Pairs() => new()
    {
        { typeof(Models.ChatHost), typeof(ChatHost) },
        { typeof(Models.TextColor), typeof(CardGen.Cards.TextColor) },
        { typeof(Models.FontSize), typeof(CardGen.Cards.FontSize) },
        { typeof(Models.FontWeight), typeof(CardGen.Cards.FontWeight) },
        { typeof(Models.ImageSize), typeof(CardGen.Cards.ImageSize) },
        { typeof(Models.ImageStyle), typeof(CardGen.Cards.ImageStyle) },
        { typeof(Models.ActionStyle), typeof(CardGen.Cards.ActionStyle) },
        { typeof(Models.ContainerStyle), typeof(CardGen.Cards.ContainerStyle) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_generator_copy_of_a_runtime_enum_has_the_same_names_and_values(Type copy, Type runtime)
    {
        static string Describe(Type type) => string.Join(", ", Enum.GetNames(type).Select(n => n + "=" + Convert.ToInt64(Enum.Parse(type, n), System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(copy.Name, runtime.Name);
        Assert.Equal(Describe(runtime), Describe(copy));
    }
}
