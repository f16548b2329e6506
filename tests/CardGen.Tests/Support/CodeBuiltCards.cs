using System.Collections.Generic;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Schema;

namespace CardGen.Tests.Support;

/// <summary>
/// Cards built with the model in code, one per schema version, that together use every element, input,
/// action and part type and the union-typed properties in each of their forms.
/// </summary>
internal static class CodeBuiltCards
{
    public static IReadOnlyList<(string Name, AdaptiveCard Card)> All() => new[]
    {
        ("v1.0-elements-inputs-actions", V10()),
        ("v1.1-media-pixels-select-actions", V11()),
        ("v1.2-rich-text-fallback-toggle", V12()),
        ("v1.3-input-validation", V13()),
        ("v1.4-execute-refresh-authentication", V14()),
        ("v1.5-table-heading-rtl", V15()),
        ("v1.6-metadata-typeahead-captions-carousel", V16()),
    };

    private static AdaptiveCard V10() => new(CardVersion.V1_0)
    {
        FallbackText = "Build 42 of CardGen failed",
        Speak = "Build 42 failed",
        BackgroundImage = "https://example.com/background.png",
        Body =
        {
            new TextBlock("Build **42** failed") { Size = FontSize.Large, Weight = FontWeight.Bolder, Color = TextColor.Attention, Wrap = true, Id = "heading" },
            new TextBlock("on main") { IsSubtle = true, MaxLines = 2, HorizontalAlignment = HorizontalAlignment.Right, Spacing = Spacing.None, Separator = true },
            new Image("https://example.com/avatar.png", "Author") { Size = ImageSize.Small, Style = ImageStyle.Person, HorizontalAlignment = HorizontalAlignment.Center },
            new ImageSet(new Image("https://example.com/1.png"), new Image("https://example.com/2.png")) { ImageSize = ImageSize.Small },
            new FactSet(new Fact("Project", "CardGen"), new Fact("Branch", "main")),
            new Container(new TextBlock("inside a container")) { Style = ContainerStyle.Emphasis },
            new ColumnSet(
                new Column(new TextBlock("auto")) { Width = CardDimension.Auto },
                new Column(new TextBlock("stretch")) { Width = CardDimension.Stretch, Style = ContainerStyle.Default },
                new Column(new TextBlock("weight 2")) { Width = 2 }),
            new TextInput("comment") { Placeholder = "Comment", IsMultiline = true, MaxLength = 500, Style = TextInputStyle.Email },
            new NumberInput("count") { Min = 1, Max = 10, Value = 3 },
            new DateInput("due") { Value = "2026-11-27", Min = "2026-01-01" },
            new TimeInput("at") { Value = "13:30" },
            new ToggleInput("notify", "Notify me") { ValueOn = "yes", ValueOff = "no" },
            new ChoiceSetInput("priority")
            {
                Choices = { new Choice("High", "high"), new Choice("Low", "low") },
                Style = ChoiceInputStyle.Expanded,
                IsMultiSelect = true,
                Value = "high",
            },
        },
        Actions =
        {
            new OpenUrlAction("Open build", "https://ci.example.com/builds/42"),
            new SubmitAction("Retry") { Data = JsonDocument.Parse("""{"action":"retry","build":42}""").RootElement.Clone() },
            new ShowCardAction("Details", new AdaptiveCard { Body = { new TextBlock("More details") } }),
        },
    };

    private static AdaptiveCard V11() => new(CardVersion.V1_1)
    {
        FallbackText = "Media",
        SelectAction = new OpenUrlAction { Url = "https://example.com" },
        VerticalContentAlignment = VerticalAlignment.Center,
        Body =
        {
            new Media { Sources = { new MediaSource("https://example.com/video.mp4", "video/mp4") }, Poster = "https://example.com/poster.png", AltText = "A video" },
            new Image("https://example.com/logo.png")
            {
                Width = "64px",
                Height = CardDimension.Pixels(32),
                BackgroundColor = "#FF0078D4",
                SelectAction = new SubmitAction { Title = "Clicked" },
            },
            new Image("https://example.com/stretch.png") { Height = CardDimension.Stretch },
            new Container(new TextBlock("bottom")) { VerticalContentAlignment = VerticalAlignment.Bottom, Height = ElementHeight.Stretch },
            new ColumnSet(new Column(new TextBlock("50px")) { Width = CardDimension.Pixels(50), VerticalContentAlignment = VerticalAlignment.Center })
            {
                SelectAction = new OpenUrlAction("Set", "https://example.com/set"),
            },
        },
        Actions = { new OpenUrlAction("With icon", "https://example.com") { IconUrl = "https://example.com/icon.png" } },
    };

    private static AdaptiveCard V12() => new(CardVersion.V1_2)
    {
        FallbackText = "Rich text",
        MinHeight = "200px",
        BackgroundImage = new BackgroundImage("https://example.com/bg.png") { FillMode = ImageFillMode.RepeatHorizontally, VerticalAlignment = VerticalAlignment.Center },
        Body =
        {
            new RichTextBlock
            {
                Inlines =
                {
                    "Plain run, ",
                    new TextRun("highlighted") { Highlight = true, Italic = true, Color = TextColor.Good, Weight = FontWeight.Bolder },
                    new TextRun(" struck") { Strikethrough = true, FontType = FontType.Monospace, Size = FontSize.Small },
                },
                HorizontalAlignment = HorizontalAlignment.Left,
            },
            new TextBlock("monospace") { FontType = FontType.Monospace, Id = "details", IsVisible = false },
            new Container(new TextBlock("styled")) { Style = ContainerStyle.Good, Bleed = true, MinHeight = "50px", BackgroundImage = "https://example.com/c.png" },
            new TextBlock("needs a feature") { Requires = new Dictionary<string, string> { ["adaptiveCards"] = "1.2" }, Fallback = Fallback<CardElement>.Drop },
            new TextBlock("with element fallback") { Fallback = new TextBlock("fallback text") },
            new ColumnSet(new Column(new TextBlock("col")) { Fallback = Fallback<Column>.Drop, Bleed = true }) { Style = ContainerStyle.Accent, Bleed = true },
            new ActionSet(
                new ToggleVisibilityAction("Show details", "details", new TargetElement("heading-2", true)) { Style = ActionStyle.Positive },
                new OpenUrlAction("Docs", "https://example.com/docs") { Style = ActionStyle.Destructive, Fallback = Fallback<CardAction>.Drop }),
            new TextBlock("target") { Id = "heading-2" },
            new TextInput("reply") { InlineAction = new SubmitAction { Title = "Send" } },
            new ToggleInput("agree", "I agree") { Wrap = true },
        },
    };

    private static AdaptiveCard V13() => new(CardVersion.V1_3)
    {
        FallbackText = "Validation",
        Body =
        {
            new TextInput("name") { Label = "Name", IsRequired = true, ErrorMessage = "Enter a name", Regex = "^[A-Za-z ]+$" },
            new ChoiceSetInput("choice") { Label = "Pick", Choices = { new Choice("A", "a") } },
            new RichTextBlock { Inlines = { new TextRun("underlined") { Underline = true } } },
        },
        Actions = { new SubmitAction("Send") { AssociatedInputs = AssociatedInputs.None } },
    };

    private static AdaptiveCard V14() => new(CardVersion.V1_4)
    {
        FallbackText = "Universal actions",
        Refresh = new Refresh(new ExecuteAction("Refresh", "refresh")) { UserIds = new List<string> { "user-1" } },
        Authentication = new Authentication
        {
            Text = "Sign in",
            ConnectionName = "oauth",
            TokenExchangeResource = new TokenExchangeResource { Id = "resource", Uri = "api://resource", ProviderId = "provider" },
            Buttons = new List<AuthCardButton> { new("signin", "https://login.example.com") { Title = "Sign in" } },
        },
        Body = { new TextBlock("Approve?") },
        Actions = { new ExecuteAction("Approve", "approve") { Data = JsonDocument.Parse("\"approved\"").RootElement.Clone() } },
    };

    private static AdaptiveCard V15() => new(CardVersion.V1_5)
    {
        FallbackText = "Table",
        Rtl = false,
        Body =
        {
            new TextBlock("Results") { Style = TextBlockStyle.Heading },
            new Table
            {
                Columns = { new TableColumnDefinition(1), new TableColumnDefinition(CardDimension.Pixels(80)) { HorizontalCellContentAlignment = HorizontalAlignment.Right } },
                Rows =
                {
                    new TableRow(new TableCell(new TextBlock("Test")), new TableCell(new TextBlock("Result"))) { Style = ContainerStyle.Accent },
                    new TableRow(new TableCell(new TextBlock("unit")), new TableCell(new TextBlock("passed")) { Style = ContainerStyle.Good }),
                },
                GridStyle = ContainerStyle.Accent,
                ShowGridLines = false,
                VerticalCellContentAlignment = VerticalAlignment.Center,
            },
            new Container(new TextBlock("rtl")) { Rtl = true },
            new TextInput("secret") { Style = TextInputStyle.Password, Label = "Secret" },
            new ChoiceSetInput("filtered") { Style = ChoiceInputStyle.Filtered, Choices = { new Choice("One", "1") } },
        },
        Actions =
        {
            new OpenUrlAction("Later", "https://example.com") { Tooltip = "Open later", Mode = ActionMode.Secondary },
            new SubmitAction("Disabled") { IsEnabled = false },
        },
    };

    private static AdaptiveCard V16() => new(CardVersion.V1_6)
    {
        FallbackText = "Newest features",
        Metadata = new Metadata { WebUrl = "https://example.com/card" },
        Body =
        {
            new TextInput("inline") { Label = "Inline label", LabelPosition = InputLabelPosition.Inline, LabelWidth = CardDimension.Pixels(80), InputStyle = InputStyle.RevealOnHover },
            new ChoiceSetInput("people")
            {
                Label = "People",
                Style = ChoiceInputStyle.Filtered,
                Choices = { new Choice("Ann", "ann") },
                ChoicesData = new DataQuery("graph.microsoft.com/users") { Count = 5 },
            },
            new Media
            {
                Sources = { new MediaSource("https://example.com/v.mp4", "video/mp4") },
                CaptionSources = new List<CaptionSource> { new() { MimeType = "vtt", Url = "https://example.com/en.vtt", Label = "English" } },
            },
            new Carousel
            {
                Pages =
                {
                    new CarouselPage { Items = { new TextBlock("Page 1") } },
                    new CarouselPage { Items = { new TextBlock("Page 2") } },
                },
                Timer = 6000,
                Loop = false,
            },
        },
    };
}
