namespace CardGen.Cards;

/// <summary>The colour of text; the actual colours come from the host.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum TextColor
{
    /// <summary><c>default</c>.</summary>
    Default,
    /// <summary><c>dark</c>.</summary>
    Dark,
    /// <summary><c>light</c>.</summary>
    Light,
    /// <summary><c>accent</c>.</summary>
    Accent,
    /// <summary><c>good</c>.</summary>
    Good,
    /// <summary><c>warning</c>.</summary>
    Warning,
    /// <summary><c>attention</c>.</summary>
    Attention,
}

/// <summary>The size of text.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum FontSize
{
    /// <summary><c>default</c>.</summary>
    Default,
    /// <summary><c>small</c>.</summary>
    Small,
    /// <summary><c>medium</c>.</summary>
    Medium,
    /// <summary><c>large</c>.</summary>
    Large,
    /// <summary><c>extraLarge</c>.</summary>
    ExtraLarge,
}

/// <summary>The weight of text.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum FontWeight
{
    /// <summary><c>default</c>.</summary>
    Default,
    /// <summary><c>lighter</c>.</summary>
    Lighter,
    /// <summary><c>bolder</c>.</summary>
    Bolder,
}

/// <summary>The font family of text (1.2).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum FontType
{
    /// <summary><c>default</c>.</summary>
    Default,
    /// <summary><c>monospace</c>.</summary>
    Monospace,
}

/// <summary>Horizontal alignment.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum HorizontalAlignment
{
    /// <summary><c>left</c>.</summary>
    Left,
    /// <summary><c>center</c>.</summary>
    Center,
    /// <summary><c>right</c>.</summary>
    Right,
}

/// <summary>Vertical alignment, also of a container's content.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum VerticalAlignment
{
    /// <summary><c>top</c>.</summary>
    Top,
    /// <summary><c>center</c>.</summary>
    Center,
    /// <summary><c>bottom</c>.</summary>
    Bottom,
}

/// <summary>The space before an element.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum Spacing
{
    /// <summary><c>default</c>.</summary>
    Default,
    /// <summary><c>none</c>.</summary>
    None,
    /// <summary><c>small</c>.</summary>
    Small,
    /// <summary><c>medium</c>.</summary>
    Medium,
    /// <summary><c>large</c>.</summary>
    Large,
    /// <summary><c>extraLarge</c>.</summary>
    ExtraLarge,
    /// <summary><c>padding</c>.</summary>
    Padding,
}

/// <summary>The height of an element (1.1).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum ElementHeight
{
    /// <summary><c>auto</c>.</summary>
    Auto,
    /// <summary><c>stretch</c>.</summary>
    Stretch,
}

/// <summary>The style of a container; Good, Attention, Warning and Accent are 1.2.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum ContainerStyle
{
    /// <summary><c>default</c>.</summary>
    Default,
    /// <summary><c>emphasis</c>.</summary>
    Emphasis,
    /// <summary><c>good</c>.</summary>
    Good,
    /// <summary><c>attention</c>.</summary>
    Attention,
    /// <summary><c>warning</c>.</summary>
    Warning,
    /// <summary><c>accent</c>.</summary>
    Accent,
}

/// <summary>The size of an image.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum ImageSize
{
    /// <summary><c>auto</c>.</summary>
    Auto,
    /// <summary><c>stretch</c>.</summary>
    Stretch,
    /// <summary><c>small</c>.</summary>
    Small,
    /// <summary><c>medium</c>.</summary>
    Medium,
    /// <summary><c>large</c>.</summary>
    Large,
}

/// <summary>The style of an image.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum ImageStyle
{
    /// <summary><c>default</c>.</summary>
    Default,
    /// <summary><c>person</c>.</summary>
    Person,
}

/// <summary>The layout of an image set (1.6, renderer feature).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum ImageSetStyle
{
    /// <summary><c>default</c>.</summary>
    Default,
    /// <summary><c>stacked</c>.</summary>
    Stacked,
    /// <summary><c>grid</c>.</summary>
    Grid,
}

/// <summary>How a background image fills its area (1.2).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum ImageFillMode
{
    /// <summary><c>cover</c>.</summary>
    Cover,
    /// <summary><c>repeatHorizontally</c>.</summary>
    RepeatHorizontally,
    /// <summary><c>repeatVertically</c>.</summary>
    RepeatVertically,
    /// <summary><c>repeat</c>.</summary>
    Repeat,
}

/// <summary>The style of a TextBlock (1.5).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum TextBlockStyle
{
    /// <summary><c>default</c>.</summary>
    Default,
    /// <summary><c>heading</c>.</summary>
    Heading,
    /// <summary><c>columnHeader</c>.</summary>
    ColumnHeader,
}

/// <summary>The keyboard and validation of a text input; Password is 1.5.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum TextInputStyle
{
    /// <summary><c>text</c>.</summary>
    Text,
    /// <summary><c>tel</c>.</summary>
    Tel,
    /// <summary><c>url</c>.</summary>
    Url,
    /// <summary><c>email</c>.</summary>
    Email,
    /// <summary><c>password</c>.</summary>
    Password,
}

/// <summary>How a choice set is shown; Filtered is 1.5.</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum ChoiceInputStyle
{
    /// <summary><c>compact</c>.</summary>
    Compact,
    /// <summary><c>expanded</c>.</summary>
    Expanded,
    /// <summary><c>filtered</c>.</summary>
    Filtered,
}

/// <summary>Where an input's label is shown (1.6).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum InputLabelPosition
{
    /// <summary><c>inline</c>.</summary>
    Inline,
    /// <summary><c>above</c>.</summary>
    Above,
}

/// <summary>How an input is drawn (1.6).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum InputStyle
{
    /// <summary><c>revealOnHover</c>.</summary>
    RevealOnHover,
    /// <summary><c>default</c>.</summary>
    Default,
}

/// <summary>The style of an action (1.2).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum ActionStyle
{
    /// <summary><c>default</c>.</summary>
    Default,
    /// <summary><c>positive</c>.</summary>
    Positive,
    /// <summary><c>destructive</c>.</summary>
    Destructive,
}

/// <summary>Whether an action is primary or goes to overflow (1.5).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum ActionMode
{
    /// <summary><c>primary</c>.</summary>
    Primary,
    /// <summary><c>secondary</c>.</summary>
    Secondary,
}

/// <summary>Which inputs a submit collects (1.3).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum AssociatedInputs
{
    /// <summary><c>auto</c>.</summary>
    Auto,
    /// <summary><c>none</c>.</summary>
    None,
}

/// <summary>The direction a carousel pages in (1.6).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum CarouselOrientation
{
    /// <summary><c>horizontal</c>.</summary>
    Horizontal,
    /// <summary><c>vertical</c>.</summary>
    Vertical,
}

/// <summary>The accessibility role of an action (1.6, renderer feature).</summary>
/// <remarks>Written to JSON in camelCase; read in any casing.</remarks>
public enum ActionRole
{
    /// <summary><c>button</c>.</summary>
    Button,
    /// <summary><c>link</c>.</summary>
    Link,
    /// <summary><c>tab</c>.</summary>
    Tab,
    /// <summary><c>menu</c>.</summary>
    Menu,
    /// <summary><c>menuItem</c>.</summary>
    MenuItem,
}
