#if CARDGEN_GENERATOR
namespace CardGen.Generator.Schema;
#else
namespace CardGen.Schema;
#endif

#if CARDGEN_GENERATOR
internal
#else
public
#endif
static partial class SchemaCatalog
{
    /// <summary>Names of the schema's enums, for <see cref="GetEnum"/>.</summary>
    public static class EnumNames
    {
        /// <summary>Text colours.</summary>
        public const string Colors = nameof(Colors);
        /// <summary>Text sizes.</summary>
        public const string FontSize = nameof(FontSize);
        /// <summary>Text weights.</summary>
        public const string FontWeight = nameof(FontWeight);
        /// <summary>Font families.</summary>
        public const string FontType = nameof(FontType);
        /// <summary>Horizontal alignment.</summary>
        public const string HorizontalAlignment = nameof(HorizontalAlignment);
        /// <summary>Vertical alignment (also used for vertical content alignment).</summary>
        public const string VerticalAlignment = nameof(VerticalAlignment);
        /// <summary>Spacing before an element.</summary>
        public const string Spacing = nameof(Spacing);
        /// <summary>Element height.</summary>
        public const string BlockElementHeight = nameof(BlockElementHeight);
        /// <summary>Container styles.</summary>
        public const string ContainerStyle = nameof(ContainerStyle);
        /// <summary>Image sizes.</summary>
        public const string ImageSize = nameof(ImageSize);
        /// <summary>Image styles.</summary>
        public const string ImageStyle = nameof(ImageStyle);
        /// <summary>Image set styles.</summary>
        public const string ImageSetStyle = nameof(ImageSetStyle);
        /// <summary>Background image fill modes.</summary>
        public const string ImageFillMode = nameof(ImageFillMode);
        /// <summary>TextBlock styles.</summary>
        public const string TextBlockStyle = nameof(TextBlockStyle);
        /// <summary>Input.Text styles.</summary>
        public const string TextInputStyle = nameof(TextInputStyle);
        /// <summary>Input.ChoiceSet styles.</summary>
        public const string ChoiceInputStyle = nameof(ChoiceInputStyle);
        /// <summary>Input label positions.</summary>
        public const string InputLabelPosition = nameof(InputLabelPosition);
        /// <summary>Input styles.</summary>
        public const string InputStyle = nameof(InputStyle);
        /// <summary>Action styles.</summary>
        public const string ActionStyle = nameof(ActionStyle);
        /// <summary>Action modes.</summary>
        public const string ActionMode = nameof(ActionMode);
        /// <summary>Which inputs a submit collects.</summary>
        public const string AssociatedInputs = nameof(AssociatedInputs);
        /// <summary>Carousel orientation.</summary>
        public const string CarouselOrientation = nameof(CarouselOrientation);
        /// <summary>Accessibility role of an action.</summary>
        public const string ActionRole = nameof(ActionRole);
    }

    private static EnumSpec[] CreateEnums()
    {
        var v10 = CardVersion.V1_0;
        var v12 = CardVersion.V1_2;
        var v13 = CardVersion.V1_3;
        var v15 = CardVersion.V1_5;
        var v16 = CardVersion.V1_6;

        static EnumValueSpec V(string name, CardVersion since) => new(name, since);
        static EnumSpec E(string name, CardVersion since, params EnumValueSpec[] values) => new(name, since, values);
        static EnumSpec HostExtensible(EnumSpec spec)
        {
            spec.IsHostExtensible = true;
            return spec;
        }

        return new[]
        {
            E(EnumNames.Colors, v10, V("default", v10), V("dark", v10), V("light", v10), V("accent", v10), V("good", v10), V("warning", v10), V("attention", v10)),
            E(EnumNames.FontSize, v10, V("default", v10), V("small", v10), V("medium", v10), V("large", v10), V("extraLarge", v10)),
            E(EnumNames.FontWeight, v10, V("default", v10), V("lighter", v10), V("bolder", v10)),
            E(EnumNames.FontType, v12, V("default", v12), V("monospace", v12)),
            E(EnumNames.HorizontalAlignment, v10, V("left", v10), V("center", v10), V("right", v10)),
            E(EnumNames.VerticalAlignment, v10, V("top", v10), V("center", v10), V("bottom", v10)),
            E(EnumNames.Spacing, v10, V("default", v10), V("none", v10), V("small", v10), V("medium", v10), V("large", v10), V("extraLarge", v10), V("padding", v10)),
            E(EnumNames.BlockElementHeight, v10, V("auto", v10), V("stretch", v10)),
            HostExtensible(E(EnumNames.ContainerStyle, v10, V("default", v10), V("emphasis", v10), V("good", v12), V("attention", v12), V("warning", v12), V("accent", v12))),
            E(EnumNames.ImageSize, v10, V("auto", v10), V("stretch", v10), V("small", v10), V("medium", v10), V("large", v10)),
            E(EnumNames.ImageStyle, v10, V("default", v10), V("person", v10)),
            E(EnumNames.ImageSetStyle, v16, V("default", v16), V("stacked", v16), V("grid", v16)),
            E(EnumNames.ImageFillMode, v12, V("cover", v12), V("repeatHorizontally", v12), V("repeatVertically", v12), V("repeat", v12)),
            E(EnumNames.TextBlockStyle, v15, V("default", v15), V("heading", v15), V("columnHeader", v15)),
            E(EnumNames.TextInputStyle, v10, V("text", v10), V("tel", v10), V("url", v10), V("email", v10), V("password", v15)),
            E(EnumNames.ChoiceInputStyle, v10, V("compact", v10), V("expanded", v10), V("filtered", v15)),
            E(EnumNames.InputLabelPosition, v16, V("inline", v16), V("above", v16)),
            E(EnumNames.InputStyle, v16, V("revealOnHover", v16), V("default", v16)),
            HostExtensible(E(EnumNames.ActionStyle, v12, V("default", v12), V("positive", v12), V("destructive", v12))),
            E(EnumNames.ActionMode, v15, V("primary", v15), V("secondary", v15)),
            E(EnumNames.AssociatedInputs, v13, V("auto", v13), V("none", v13)),
            E(EnumNames.CarouselOrientation, v16, V("horizontal", v16), V("vertical", v16)),
            E(EnumNames.ActionRole, v16, V("button", v16), V("link", v16), V("tab", v16), V("menu", v16), V("menuItem", v16)),
        };
    }
}
