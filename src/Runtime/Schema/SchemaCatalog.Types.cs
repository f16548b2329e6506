using System.Collections.Generic;
using System.Linq;

#if CARDGEN_GENERATOR
namespace CardGen.Generator.Schema;
#else
namespace CardGen.Schema;
#endif

using static SchemaCatalog.EnumNames;

#if CARDGEN_GENERATOR
internal
#else
public
#endif
static partial class SchemaCatalog
{
    /// <summary>The <c>type</c> names of every type in the catalog.</summary>
    public static class TypeNames
    {
        /// <summary>The schema type <c>TextBlock</c>.</summary>
        public const string TextBlock = "TextBlock";
        /// <summary>The schema type <c>RichTextBlock</c>.</summary>
        public const string RichTextBlock = "RichTextBlock";
        /// <summary>The schema type <c>TextRun</c>.</summary>
        public const string TextRun = "TextRun";
        /// <summary>The schema type <c>Image</c>.</summary>
        public const string Image = "Image";
        /// <summary>The schema type <c>ImageSet</c>.</summary>
        public const string ImageSet = "ImageSet";
        /// <summary>The schema type <c>Media</c>.</summary>
        public const string Media = "Media";
        /// <summary>The schema type <c>MediaSource</c>.</summary>
        public const string MediaSource = "MediaSource";
        /// <summary>The schema type <c>CaptionSource</c>.</summary>
        public const string CaptionSource = "CaptionSource";
        /// <summary>The schema type <c>Container</c>.</summary>
        public const string Container = "Container";
        /// <summary>The schema type <c>ColumnSet</c>.</summary>
        public const string ColumnSet = "ColumnSet";
        /// <summary>The schema type <c>Column</c>.</summary>
        public const string Column = "Column";
        /// <summary>The schema type <c>FactSet</c>.</summary>
        public const string FactSet = "FactSet";
        /// <summary>The schema type <c>Fact</c>.</summary>
        public const string Fact = "Fact";
        /// <summary>The schema type <c>ActionSet</c>.</summary>
        public const string ActionSet = "ActionSet";
        /// <summary>The schema type <c>Table</c>.</summary>
        public const string Table = "Table";
        /// <summary>The schema type <c>TableColumnDefinition</c>.</summary>
        public const string TableColumnDefinition = "TableColumnDefinition";
        /// <summary>The schema type <c>TableRow</c>.</summary>
        public const string TableRow = "TableRow";
        /// <summary>The schema type <c>TableCell</c>.</summary>
        public const string TableCell = "TableCell";
        /// <summary>The schema type <c>Carousel</c>.</summary>
        public const string Carousel = "Carousel";
        /// <summary>The schema type <c>CarouselPage</c>.</summary>
        public const string CarouselPage = "CarouselPage";
        /// <summary>The schema type <c>Input.Text</c>.</summary>
        public const string InputText = "Input.Text";
        /// <summary>The schema type <c>Input.Number</c>.</summary>
        public const string InputNumber = "Input.Number";
        /// <summary>The schema type <c>Input.Date</c>.</summary>
        public const string InputDate = "Input.Date";
        /// <summary>The schema type <c>Input.Time</c>.</summary>
        public const string InputTime = "Input.Time";
        /// <summary>The schema type <c>Input.Toggle</c>.</summary>
        public const string InputToggle = "Input.Toggle";
        /// <summary>The schema type <c>Input.ChoiceSet</c>.</summary>
        public const string InputChoiceSet = "Input.ChoiceSet";
        /// <summary>The schema type <c>Input.Choice</c>.</summary>
        public const string InputChoice = "Input.Choice";
        /// <summary>The schema type <c>Data.Query</c>.</summary>
        public const string DataQuery = "Data.Query";
        /// <summary>The schema type <c>Action.OpenUrl</c>.</summary>
        public const string OpenUrl = "Action.OpenUrl";
        /// <summary>The schema type <c>Action.Submit</c>.</summary>
        public const string Submit = "Action.Submit";
        /// <summary>The schema type <c>Action.ShowCard</c>.</summary>
        public const string ShowCard = "Action.ShowCard";
        /// <summary>The schema type <c>Action.ToggleVisibility</c>.</summary>
        public const string ToggleVisibility = "Action.ToggleVisibility";
        /// <summary>The schema type <c>Action.Execute</c>.</summary>
        public const string Execute = "Action.Execute";
        /// <summary>The schema type <c>TargetElement</c>.</summary>
        public const string TargetElement = "TargetElement";
        /// <summary>The schema type <c>BackgroundImage</c>.</summary>
        public const string BackgroundImage = "BackgroundImage";
        /// <summary>The schema type <c>Refresh</c>.</summary>
        public const string Refresh = "Refresh";
        /// <summary>The schema type <c>Authentication</c>.</summary>
        public const string Authentication = "Authentication";
        /// <summary>The schema type <c>AuthCardButton</c>.</summary>
        public const string AuthCardButton = "AuthCardButton";
        /// <summary>The schema type <c>TokenExchangeResource</c>.</summary>
        public const string TokenExchangeResource = "TokenExchangeResource";
        /// <summary>The schema type <c>Metadata</c>.</summary>
        public const string Metadata = "Metadata";
    }

    // The published schema spells it singular; renderers and the official samples use the plural.
    private static readonly string[] FirstRowAsHeaderAliases = { "firstRowAsHeader" };

    private static CardTypeSpec[] CreateTypes()
    {
        var v10 = CardVersion.V1_0;
        var v11 = CardVersion.V1_1;
        var v12 = CardVersion.V1_2;
        var v13 = CardVersion.V1_3;
        var v14 = CardVersion.V1_4;
        var v15 = CardVersion.V1_5;
        var v16 = CardVersion.V1_6;

        static PropertySpec P(string name, PropertyKind kind, CardVersion since) => new(name, kind, since);
        static PropertySpec Str(string name, CardVersion since) => new(name, PropertyKind.String, since);
        static PropertySpec Bool(string name, CardVersion since, string defaultValue) => new(name, PropertyKind.Boolean, since) { DefaultValue = defaultValue };
        static PropertySpec En(string name, string enumType, CardVersion since, string? defaultValue = null)
            => new(name, PropertyKind.Enum, since) { EnumType = enumType, DefaultValue = defaultValue is null ? null : "\"" + defaultValue + "\"" };
        static PropertySpec Obj(string name, string type, CardVersion since) => new(name, PropertyKind.Object, since) { ObjectType = type };
        static PropertySpec Arr(string name, string type, CardVersion since) => new(name, PropertyKind.ObjectArray, since) { ObjectType = type };
        static PropertySpec Req(PropertySpec p) { p.IsRequired = true; return p; }
        static PropertySpec NonEmpty(PropertySpec p) { p.IsRequired = true; p.IsNonEmpty = true; return p; }
        static PropertySpec Nullable(PropertySpec p) { p.IsNullable = true; return p; }
        static PropertySpec RendererOnly(PropertySpec p) { p.IsRendererOnly = true; return p; }

        // Base property sets (the schema's Item, ToggleableItem, Element, Input and Action).
        PropertySpec[] Toggleable() => new[] { Str("id", v10), Bool("isVisible", v12, "true"), P("requires", PropertyKind.StringMap, v12) };
        PropertySpec[] Element() => new[] { P("fallback", PropertyKind.Fallback, v12), En("height", BlockElementHeight, v11, "auto"), Bool("separator", v10, "false"), En("spacing", Spacing, v10, "default") };
        PropertySpec[] Input() => new[]
        {
            Req(Str("id", v10)), Str("label", v13), Bool("isRequired", v13, "false"), Str("errorMessage", v13),
            RendererOnly(En("labelPosition", InputLabelPosition, v16)), RendererOnly(P("labelWidth", PropertyKind.WeightOrPixels, v16)),
            RendererOnly(En("inputStyle", InputStyle, v16)),
        };
        PropertySpec[] Action() => new[]
        {
            Str("title", v10), Str("id", v10), P("iconUrl", PropertyKind.Url, v11), En("style", ActionStyle, v12, "default"),
            P("fallback", PropertyKind.Fallback, v12), Str("tooltip", v15), Bool("isEnabled", v15, "true"), En("mode", ActionMode, v15, "primary"),
            P("requires", PropertyKind.StringMap, v12), RendererOnly(En("role", ActionRole, v16)),
        };
        PropertySpec[] ContainerLike() => new[]
        {
            P("items", PropertyKind.ElementArray, v10), Nullable(En("style", ContainerStyle, v10)), P("selectAction", PropertyKind.SelectAction, v11),
            Nullable(En("verticalContentAlignment", VerticalAlignment, v11)), Bool("bleed", v12, "false"), P("backgroundImage", PropertyKind.BackgroundImage, v12),
            P("minHeight", PropertyKind.Pixels, v12), Nullable(Bool("rtl", v15, null!)),
        };
        PropertySpec[] TextStyle() => new[]
        {
            Nullable(En("color", Colors, v10)), Nullable(En("fontType", FontType, v12)), Nullable(Bool("isSubtle", v10, "false")),
            Nullable(En("size", FontSize, v10)), Nullable(En("weight", FontWeight, v10)),
        };
        PropertySpec[] CellAlignment() => new[] { Nullable(En("horizontalCellContentAlignment", HorizontalAlignment, v15)), Nullable(En("verticalCellContentAlignment", VerticalAlignment, v15)) };

        var list = new List<CardTypeSpec>();
        void Add(string name, CardTypeRole role, CardVersion since, FallbackFamily fallback, bool isInput, bool rendererOnly, params PropertySpec[][] groups)
        {
            var properties = new List<PropertySpec>();
            var index = new Dictionary<string, int>();
            foreach (var group in groups)
            {
                foreach (var p in group)
                {
                    // A property is never older than its type; a later group overrides an earlier one (Input's required id).
                    var spec = p.Since < since ? p.With(since) : p;
                    if (index.TryGetValue(spec.Name, out var at))
                    {
                        properties[at] = spec;
                    }
                    else
                    {
                        index[spec.Name] = properties.Count;
                        properties.Add(spec);
                    }
                }
            }

            list.Add(new CardTypeSpec(name, role, since, properties.ToArray()) { Fallback = fallback, IsInput = isInput, IsRendererOnly = rendererOnly });
        }

        void ElementType(string name, CardVersion since, params PropertySpec[] own)
            => Add(name, CardTypeRole.Element, since, FallbackFamily.Element, false, false, Toggleable(), Element(), own);
        void InputType(string name, CardVersion since, params PropertySpec[] own)
            => Add(name, CardTypeRole.Element, since, FallbackFamily.Element, true, false, Toggleable(), Element(), Input(), own);
        void ActionType(string name, CardVersion since, params PropertySpec[] own)
            => Add(name, CardTypeRole.Action, since, FallbackFamily.Action, false, false, Action(), own);
        void Component(string name, CardVersion since, params PropertySpec[] own)
            => Add(name, CardTypeRole.Component, since, FallbackFamily.None, false, false, own);

        Add(AdaptiveCardType, CardTypeRole.Card, v10, FallbackFamily.None, false, false, new[]
        {
            Str("$schema", v10), P("version", PropertyKind.Version, v10), P("body", PropertyKind.ElementArray, v10), P("actions", PropertyKind.ActionArray, v10),
            Str("fallbackText", v10), Str("speak", v10), Str("lang", v10), P("selectAction", PropertyKind.SelectAction, v11),
            Nullable(En("verticalContentAlignment", VerticalAlignment, v11)), P("backgroundImage", PropertyKind.BackgroundImage, v10),
            P("minHeight", PropertyKind.Pixels, v12), Obj("refresh", TypeNames.Refresh, v14), Obj("authentication", TypeNames.Authentication, v14),
            Nullable(Bool("rtl", v15, null!)), Obj("metadata", TypeNames.Metadata, v16),
        });

        Add(TypeNames.TextBlock, CardTypeRole.Element, v10, FallbackFamily.Element, false, false, Toggleable(), Element(), new[]
        {
            Req(Str("text", v10)), Nullable(En("horizontalAlignment", HorizontalAlignment, v10)), P("maxLines", PropertyKind.Integer, v10),
            Bool("wrap", v10, "false"), Nullable(En("style", TextBlockStyle, v15)),
        }, TextStyle());
        ElementType(TypeNames.RichTextBlock, v12, NonEmpty(P("inlines", PropertyKind.InlineArray, v12)), Nullable(En("horizontalAlignment", HorizontalAlignment, v12)));
        Add(TypeNames.TextRun, CardTypeRole.Inline, v12, FallbackFamily.None, false, false, new[]
        {
            Req(Str("text", v12)), Bool("highlight", v12, "false"), Bool("italic", v12, "false"), P("selectAction", PropertyKind.SelectAction, v12),
            Bool("strikethrough", v12, "false"), Bool("underline", v13, "false"),
        }, TextStyle());
        ElementType(TypeNames.Image, v10,
            Req(P("url", PropertyKind.Url, v10)), Str("altText", v10), Nullable(En("horizontalAlignment", HorizontalAlignment, v10)),
            En("size", ImageSize, v10, "auto"), En("style", ImageStyle, v10, "default"), P("backgroundColor", PropertyKind.Color, v11),
            P("width", PropertyKind.Pixels, v11), P("height", PropertyKind.HeightOrPixels, v11), P("selectAction", PropertyKind.SelectAction, v11),
            RendererOnly(Bool("forceLoad", v16, "false")));
        ElementType(TypeNames.ImageSet, v10, NonEmpty(Arr("images", TypeNames.Image, v10)), En("imageSize", ImageSize, v10, "medium"), RendererOnly(En("style", ImageSetStyle, v16, "default")));
        ElementType(TypeNames.Media, v11, NonEmpty(Arr("sources", TypeNames.MediaSource, v11)), P("poster", PropertyKind.Url, v11), Str("altText", v11), Arr("captionSources", TypeNames.CaptionSource, v16));
        Component(TypeNames.MediaSource, v11, Req(P("url", PropertyKind.Url, v11)), Str("mimeType", v11));
        Component(TypeNames.CaptionSource, v16, Req(Str("mimeType", v16)), Req(P("url", PropertyKind.Url, v16)), Req(Str("label", v16)));
        ElementType(TypeNames.Container, v10, ContainerLike());
        ElementType(TypeNames.ColumnSet, v10,
            Arr("columns", TypeNames.Column, v10), Nullable(En("horizontalAlignment", HorizontalAlignment, v10)), P("selectAction", PropertyKind.SelectAction, v11),
            Nullable(En("style", ContainerStyle, v12)), Bool("bleed", v12, "false"), P("minHeight", PropertyKind.Pixels, v12));
        Add(TypeNames.Column, CardTypeRole.Component, v10, FallbackFamily.Column, false, false, Toggleable(), new[]
        {
            P("fallback", PropertyKind.Fallback, v12), Bool("separator", v10, "false"), En("spacing", Spacing, v10, "default"), P("width", PropertyKind.ColumnWidth, v10),
        }, ContainerLike());
        ElementType(TypeNames.FactSet, v10, NonEmpty(Arr("facts", TypeNames.Fact, v10)));
        Component(TypeNames.Fact, v10, Req(Str("title", v10)), Req(Str("value", v10)));
        ElementType(TypeNames.ActionSet, v12, NonEmpty(P("actions", PropertyKind.ActionArray, v12)));
        ElementType(TypeNames.Table, v15, new[]
        {
            Arr("columns", TypeNames.TableColumnDefinition, v15), Arr("rows", TypeNames.TableRow, v15),
            new PropertySpec("firstRowAsHeaders", PropertyKind.Boolean, v15) { DefaultValue = "true", Aliases = FirstRowAsHeaderAliases },
            Bool("showGridLines", v15, "true"), Nullable(En("gridStyle", ContainerStyle, v15, "default")),
        }.Concat(CellAlignment()).ToArray());
        Component(TypeNames.TableColumnDefinition, v15, new[] { new PropertySpec("width", PropertyKind.WeightOrPixels, v15) { DefaultValue = "1" } }.Concat(CellAlignment()).ToArray());
        Component(TypeNames.TableRow, v15, new[] { Arr("cells", TypeNames.TableCell, v15), Nullable(En("style", ContainerStyle, v15)) }.Concat(CellAlignment()).ToArray());
        Component(TypeNames.TableCell, v15, ContainerLike());
        Add(TypeNames.Carousel, CardTypeRole.Element, v16, FallbackFamily.Element, false, true, Toggleable(), Element(), new[]
        {
            NonEmpty(Arr("pages", TypeNames.CarouselPage, v16)), P("timer", PropertyKind.Integer, v16), new PropertySpec("initialPage", PropertyKind.Integer, v16) { DefaultValue = "0" },
            Bool("loop", v16, "true"), En("orientation", CarouselOrientation, v16, "horizontal"), P("heightInPixels", PropertyKind.Pixels, v16),
        });
        Add(TypeNames.CarouselPage, CardTypeRole.Component, v16, FallbackFamily.Element, false, true, Toggleable(), Element(), ContainerLike());

        InputType(TypeNames.InputText, v10, Str("value", v10), Str("placeholder", v10), P("maxLength", PropertyKind.Integer, v10), Bool("isMultiline", v10, "false"),
            En("style", TextInputStyle, v10, "text"), P("inlineAction", PropertyKind.SelectAction, v12), Str("regex", v13));
        InputType(TypeNames.InputNumber, v10, P("value", PropertyKind.Number, v10), P("min", PropertyKind.Number, v10), P("max", PropertyKind.Number, v10), Str("placeholder", v10));
        InputType(TypeNames.InputDate, v10, Str("value", v10), Str("min", v10), Str("max", v10), Str("placeholder", v10));
        InputType(TypeNames.InputTime, v10, Str("value", v10), Str("min", v10), Str("max", v10), Str("placeholder", v10));
        InputType(TypeNames.InputToggle, v10, Req(Str("title", v10)), new PropertySpec("value", PropertyKind.String, v10) { DefaultValue = "\"false\"" },
            new PropertySpec("valueOn", PropertyKind.String, v10) { DefaultValue = "\"true\"" }, new PropertySpec("valueOff", PropertyKind.String, v10) { DefaultValue = "\"false\"" },
            Bool("wrap", v12, "false"));
        InputType(TypeNames.InputChoiceSet, v10, Arr("choices", TypeNames.InputChoice, v10), Bool("isMultiSelect", v10, "false"), En("style", ChoiceInputStyle, v10, "compact"),
            Str("value", v10), Str("placeholder", v10), Bool("wrap", v12, "false"), Obj("choices.data", TypeNames.DataQuery, v16));
        Component(TypeNames.InputChoice, v10, Req(Str("title", v10)), Req(Str("value", v10)));
        Component(TypeNames.DataQuery, v16, Req(Str("dataset", v16)), P("count", PropertyKind.Integer, v16), P("skip", PropertyKind.Integer, v16));

        ActionType(TypeNames.OpenUrl, v10, Req(P("url", PropertyKind.Url, v10)));
        ActionType(TypeNames.Submit, v10, P("data", PropertyKind.Any, v10), En("associatedInputs", AssociatedInputs, v13, "auto"), RendererOnly(Bool("disabledUnlessAssociatedInputsChange", v16, "false")));
        ActionType(TypeNames.ShowCard, v10, P("card", PropertyKind.Card, v10));
        ActionType(TypeNames.ToggleVisibility, v12, NonEmpty(P("targetElements", PropertyKind.TargetElementArray, v12)));
        ActionType(TypeNames.Execute, v14, Str("verb", v14), P("data", PropertyKind.Any, v14), En("associatedInputs", AssociatedInputs, v14, "auto"), RendererOnly(Bool("disabledUnlessAssociatedInputsChange", v16, "false")));
        Component(TypeNames.TargetElement, v12, Req(Str("elementId", v12)), Nullable(Bool("isVisible", v12, null!)));

        Component(TypeNames.BackgroundImage, v12, Req(P("url", PropertyKind.Url, v12)), En("fillMode", ImageFillMode, v12, "cover"),
            En("horizontalAlignment", HorizontalAlignment, v12, "left"), En("verticalAlignment", VerticalAlignment, v12, "top"));
        Component(TypeNames.Refresh, v14, P("action", PropertyKind.SelectAction, v14), P("userIds", PropertyKind.StringArray, v14), Str("expires", v16));
        Component(TypeNames.Authentication, v14, Str("text", v14), Str("connectionName", v14), Obj("tokenExchangeResource", TypeNames.TokenExchangeResource, v14), Arr("buttons", TypeNames.AuthCardButton, v14));
        Component(TypeNames.AuthCardButton, v14, Req(Str("type", v14)), Str("title", v14), P("image", PropertyKind.Url, v14), Str("value", v14));
        Component(TypeNames.TokenExchangeResource, v14, Req(Str("id", v14)), Req(Str("uri", v14)), Req(Str("providerId", v14)));
        Component(TypeNames.Metadata, v16, P("webUrl", PropertyKind.Url, v16));

        return list.ToArray();
    }
}
