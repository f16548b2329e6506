using System.Text.Json;
using CardGen.Cards;

namespace CardGen.Benchmarks;

/// <summary>
/// A CI notification card (a failed build with its facts, failing tests, artifacts and actions), about 30
/// elements, built three ways that must write the same bytes: with the model, as a graph of anonymous objects
/// for <see cref="JsonSerializer"/>, and by hand with <see cref="Utf8JsonWriter"/> calls.
/// </summary>
internal static class NotificationCard
{
    private const string Heading = "Build #4812 failed on main";
    private const string Subtitle = "contoso/checkout-service · CI pipeline · triggered by push";
    private const string AvatarUrl = "https://avatars.example.com/u/10452?s=96";
    private const string AvatarAlt = "Dana Lee's avatar";
    private const string AuthorName = "Dana Lee";
    private const string AuthorDetail = "pushed 3 commits to main · 4 minutes ago";
    private const string FailingTestsHeading = "Failing tests";
    private const string FailingTest1 = "CheckoutTests.Refund_IsIdempotent — expected 200 OK, got 409 Conflict";
    private const string FailingTest2 = "PaymentGatewayTests.Capture_RetriesOnTimeout — timed out after 30 s";
    private const string FailingTest3 = "OrderTotals.RoundsHalfEven — expected 10.35, got 10.34";
    private const string MoreTests = "and 2 more in the test report";
    private const string ArtifactsHeading = "Artifacts";
    private const string CoverageUrl = "https://ci.example.com/runs/4812/artifacts/coverage.png";
    private const string CoverageAlt = "Coverage chart";
    private const string FlameUrl = "https://ci.example.com/runs/4812/artifacts/flamegraph.png";
    private const string FlameAlt = "Flame graph of the test run";
    private const string ScreenshotUrl = "https://ci.example.com/runs/4812/artifacts/checkout-e2e.png";
    private const string ScreenshotAlt = "Screenshot of the failing end-to-end test";
    private const string LastGreen = "Last green build: #4809, 2 hours ago by Sam Ortiz";
    private const string Owners = "Owners: @payments-team. Reply in #checkout-ci to claim this failure.";
    private const string RerunTitle = "Re-run failed jobs";
    private const string RerunUrl = "https://ci.example.com/runs/4812/rerun?failed=true";
    private const string ReportTitle = "View test report";
    private const string ReportUrl = "https://ci.example.com/runs/4812/tests";
    private const string BuildTitle = "View build";
    private const string BuildUrl = "https://ci.example.com/contoso/checkout-service/runs/4812";
    private const string IssueTitle = "Open PAY-2291";
    private const string IssueUrl = "https://issues.example.com/browse/PAY-2291";
    private const string LogTitle = "Show log tail";
    private const string LogHeading = "Last lines of job test (ubuntu-24.04)";
    private const string LogTail = "FAIL CheckoutTests.Refund_IsIdempotent\n  Expected: 200\n  Actual:   409\n\tat CheckoutTests.cs:line 88";
    private const string Version = "1.5";

    private static readonly (string Title, string Value)[] Facts =
    [
        ("Pipeline", "CI / build-and-test"),
        ("Run", "#4812 (attempt 1)"),
        ("Branch", "main"),
        ("Commit", "9f3c2e1 \"Make refunds idempotent\""),
        ("Duration", "12m 47s"),
        ("Failed jobs", "2 of 9"),
        ("Runner", "ubuntu-24.04 (x64)"),
        ("Issue", "PAY-2291"),
    ];

    /// <summary>The card built with the CardGen model.</summary>
    public static AdaptiveCard BuildModel()
    {
        var facts = new FactSet();
        foreach (var (title, value) in Facts)
        {
            facts.Facts.Add(new Fact(title, value));
        }

        var logCard = new AdaptiveCard
        {
            Body =
            {
                new TextBlock(LogHeading) { Weight = FontWeight.Bolder },
                new TextBlock(LogTail) { Wrap = true, FontType = FontType.Monospace },
            },
        };

        return new AdaptiveCard
        {
            Version = Version,
            FallbackText = Heading,
            Body =
            {
                new TextBlock(Heading)
                {
                    Color = TextColor.Attention,
                    Size = FontSize.Large,
                    Weight = FontWeight.Bolder,
                    Wrap = true,
                    Style = TextBlockStyle.Heading,
                },
                new TextBlock(Subtitle) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
                new ColumnSet(
                    new Column(new Image(AvatarUrl, AvatarAlt) { Size = ImageSize.Small, Style = ImageStyle.Person })
                    {
                        Width = CardDimension.Auto,
                    },
                    new Column(
                        new TextBlock(AuthorName) { Weight = FontWeight.Bolder, Wrap = true },
                        new TextBlock(AuthorDetail) { IsSubtle = true, Wrap = true, Spacing = Spacing.None })
                    {
                        Width = CardDimension.Stretch,
                    }),
                facts,
                new Container(
                    new TextBlock(FailingTestsHeading) { Weight = FontWeight.Bolder },
                    new TextBlock(FailingTest1) { Size = FontSize.Small, Wrap = true, FontType = FontType.Monospace },
                    new TextBlock(FailingTest2) { Size = FontSize.Small, Wrap = true, FontType = FontType.Monospace },
                    new TextBlock(FailingTest3) { Size = FontSize.Small, Wrap = true, FontType = FontType.Monospace },
                    new TextBlock(MoreTests) { IsSubtle = true, Spacing = Spacing.Small })
                {
                    Style = ContainerStyle.Emphasis,
                },
                new TextBlock(ArtifactsHeading) { Weight = FontWeight.Bolder, Separator = true, Spacing = Spacing.Medium },
                new ImageSet(
                    new Image(CoverageUrl, CoverageAlt),
                    new Image(FlameUrl, FlameAlt),
                    new Image(ScreenshotUrl, ScreenshotAlt))
                {
                    ImageSize = ImageSize.Small,
                },
                new TextBlock(LastGreen) { IsSubtle = true, Wrap = true },
                new TextBlock(Owners) { MaxLines = 2, Wrap = true },
                new ActionSet(
                    new OpenUrlAction(RerunTitle, RerunUrl) { Style = ActionStyle.Positive },
                    new OpenUrlAction(ReportTitle, ReportUrl)),
            },
            Actions =
            {
                new OpenUrlAction(BuildTitle, BuildUrl),
                new OpenUrlAction(IssueTitle, IssueUrl),
                new ShowCardAction(LogTitle, logCard),
            },
        };
    }

    /// <summary>
    /// The card as anonymous objects, the way callers serialize cards with <see cref="JsonSerializer"/> today.
    /// Properties are declared in the order the model writes them: type, own properties, then the common ones.
    /// </summary>
    public static object BuildAnonymousGraph()
    {
        var facts = new object[Facts.Length];
        for (var i = 0; i < Facts.Length; i++)
        {
            facts[i] = new { title = Facts[i].Title, value = Facts[i].Value };
        }

        return new
        {
            type = "AdaptiveCard",
            version = Version,
            body = new object[]
            {
                new
                {
                    type = "TextBlock",
                    text = Heading,
                    color = "attention",
                    size = "large",
                    weight = "bolder",
                    wrap = true,
                    style = "heading",
                },
                new { type = "TextBlock", text = Subtitle, isSubtle = true, wrap = true, spacing = "none" },
                new
                {
                    type = "ColumnSet",
                    columns = new object[]
                    {
                        new
                        {
                            items = new object[]
                            {
                                new { type = "Image", url = AvatarUrl, altText = AvatarAlt, size = "small", style = "person" },
                            },
                            width = "auto",
                        },
                        new
                        {
                            items = new object[]
                            {
                                new { type = "TextBlock", text = AuthorName, weight = "bolder", wrap = true },
                                new { type = "TextBlock", text = AuthorDetail, isSubtle = true, wrap = true, spacing = "none" },
                            },
                            width = "stretch",
                        },
                    },
                },
                new { type = "FactSet", facts },
                new
                {
                    type = "Container",
                    items = new object[]
                    {
                        new { type = "TextBlock", text = FailingTestsHeading, weight = "bolder" },
                        new { type = "TextBlock", text = FailingTest1, size = "small", wrap = true, fontType = "monospace" },
                        new { type = "TextBlock", text = FailingTest2, size = "small", wrap = true, fontType = "monospace" },
                        new { type = "TextBlock", text = FailingTest3, size = "small", wrap = true, fontType = "monospace" },
                        new { type = "TextBlock", text = MoreTests, isSubtle = true, spacing = "small" },
                    },
                    style = "emphasis",
                },
                new { type = "TextBlock", text = ArtifactsHeading, weight = "bolder", separator = true, spacing = "medium" },
                new
                {
                    type = "ImageSet",
                    images = new object[]
                    {
                        new { type = "Image", url = CoverageUrl, altText = CoverageAlt },
                        new { type = "Image", url = FlameUrl, altText = FlameAlt },
                        new { type = "Image", url = ScreenshotUrl, altText = ScreenshotAlt },
                    },
                    imageSize = "small",
                },
                new { type = "TextBlock", text = LastGreen, isSubtle = true, wrap = true },
                new { type = "TextBlock", text = Owners, maxLines = 2, wrap = true },
                new
                {
                    type = "ActionSet",
                    actions = new object[]
                    {
                        new { type = "Action.OpenUrl", title = RerunTitle, url = RerunUrl, style = "positive" },
                        new { type = "Action.OpenUrl", title = ReportTitle, url = ReportUrl },
                    },
                },
            },
            actions = new object[]
            {
                new { type = "Action.OpenUrl", title = BuildTitle, url = BuildUrl },
                new { type = "Action.OpenUrl", title = IssueTitle, url = IssueUrl },
                new
                {
                    type = "Action.ShowCard",
                    title = LogTitle,
                    card = new
                    {
                        type = "AdaptiveCard",
                        body = new object[]
                        {
                            new { type = "TextBlock", text = LogHeading, weight = "bolder" },
                            new { type = "TextBlock", text = LogTail, wrap = true, fontType = "monospace" },
                        },
                    },
                },
            },
            fallbackText = Heading,
        };
    }

    /// <summary>The card written by hand with pre-encoded names and enum values: the floor for any writer.</summary>
    public static void WriteByHand(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.AdaptiveCard);
        w.WriteString(Names.Version, Version);
        w.WriteStartArray(Names.Body);

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, Heading);
        w.WriteString(Names.Color, Names.Attention);
        w.WriteString(Names.Size, Names.Large);
        w.WriteString(Names.Weight, Names.Bolder);
        w.WriteBoolean(Names.Wrap, true);
        w.WriteString(Names.Style, Names.HeadingStyle);
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, Subtitle);
        w.WriteBoolean(Names.IsSubtle, true);
        w.WriteBoolean(Names.Wrap, true);
        w.WriteString(Names.Spacing, Names.None);
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.ColumnSet);
        w.WriteStartArray(Names.Columns);
        w.WriteStartObject();
        w.WriteStartArray(Names.Items);
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.Image);
        w.WriteString(Names.Url, AvatarUrl);
        w.WriteString(Names.AltText, AvatarAlt);
        w.WriteString(Names.Size, Names.Small);
        w.WriteString(Names.Style, Names.Person);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString(Names.Width, Names.Auto);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteStartArray(Names.Items);
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, AuthorName);
        w.WriteString(Names.Weight, Names.Bolder);
        w.WriteBoolean(Names.Wrap, true);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, AuthorDetail);
        w.WriteBoolean(Names.IsSubtle, true);
        w.WriteBoolean(Names.Wrap, true);
        w.WriteString(Names.Spacing, Names.None);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString(Names.Width, Names.Stretch);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.FactSet);
        w.WriteStartArray(Names.Facts);
        foreach (var (title, value) in Facts)
        {
            w.WriteStartObject();
            w.WriteString(Names.Title, title);
            w.WriteString(Names.Value, value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.Container);
        w.WriteStartArray(Names.Items);
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, FailingTestsHeading);
        w.WriteString(Names.Weight, Names.Bolder);
        w.WriteEndObject();
        WriteFailingTest(w, FailingTest1);
        WriteFailingTest(w, FailingTest2);
        WriteFailingTest(w, FailingTest3);
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, MoreTests);
        w.WriteBoolean(Names.IsSubtle, true);
        w.WriteString(Names.Spacing, Names.Small);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString(Names.Style, Names.Emphasis);
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, ArtifactsHeading);
        w.WriteString(Names.Weight, Names.Bolder);
        w.WriteBoolean(Names.Separator, true);
        w.WriteString(Names.Spacing, Names.Medium);
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.ImageSet);
        w.WriteStartArray(Names.Images);
        WriteImage(w, CoverageUrl, CoverageAlt);
        WriteImage(w, FlameUrl, FlameAlt);
        WriteImage(w, ScreenshotUrl, ScreenshotAlt);
        w.WriteEndArray();
        w.WriteString(Names.ImageSize, Names.Small);
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, LastGreen);
        w.WriteBoolean(Names.IsSubtle, true);
        w.WriteBoolean(Names.Wrap, true);
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, Owners);
        w.WriteNumber(Names.MaxLines, 2);
        w.WriteBoolean(Names.Wrap, true);
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.ActionSet);
        w.WriteStartArray(Names.Actions);
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.OpenUrl);
        w.WriteString(Names.Title, RerunTitle);
        w.WriteString(Names.Url, RerunUrl);
        w.WriteString(Names.Style, Names.Positive);
        w.WriteEndObject();
        WriteOpenUrl(w, ReportTitle, ReportUrl);
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteEndArray();

        w.WriteStartArray(Names.Actions);
        WriteOpenUrl(w, BuildTitle, BuildUrl);
        WriteOpenUrl(w, IssueTitle, IssueUrl);
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.ShowCard);
        w.WriteString(Names.Title, LogTitle);
        w.WriteStartObject(Names.Card);
        w.WriteString(Names.Type, Names.AdaptiveCard);
        w.WriteStartArray(Names.Body);
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, LogHeading);
        w.WriteString(Names.Weight, Names.Bolder);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, LogTail);
        w.WriteBoolean(Names.Wrap, true);
        w.WriteString(Names.FontType, Names.Monospace);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteString(Names.FallbackText, Heading);
        w.WriteEndObject();
    }

    private static void WriteFailingTest(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        w.WriteString(Names.Text, text);
        w.WriteString(Names.Size, Names.Small);
        w.WriteBoolean(Names.Wrap, true);
        w.WriteString(Names.FontType, Names.Monospace);
        w.WriteEndObject();
    }

    private static void WriteImage(Utf8JsonWriter w, string url, string altText)
    {
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.Image);
        w.WriteString(Names.Url, url);
        w.WriteString(Names.AltText, altText);
        w.WriteEndObject();
    }

    private static void WriteOpenUrl(Utf8JsonWriter w, string title, string url)
    {
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.OpenUrl);
        w.WriteString(Names.Title, title);
        w.WriteString(Names.Url, url);
        w.WriteEndObject();
    }

    /// <summary>Property names, type names and enum values, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Actions = JsonEncodedText.Encode("actions");
        public static readonly JsonEncodedText AltText = JsonEncodedText.Encode("altText");
        public static readonly JsonEncodedText Body = JsonEncodedText.Encode("body");
        public static readonly JsonEncodedText Card = JsonEncodedText.Encode("card");
        public static readonly JsonEncodedText Color = JsonEncodedText.Encode("color");
        public static readonly JsonEncodedText Columns = JsonEncodedText.Encode("columns");
        public static readonly JsonEncodedText Facts = JsonEncodedText.Encode("facts");
        public static readonly JsonEncodedText FallbackText = JsonEncodedText.Encode("fallbackText");
        public static readonly JsonEncodedText FontType = JsonEncodedText.Encode("fontType");
        public static readonly JsonEncodedText Images = JsonEncodedText.Encode("images");
        public static readonly JsonEncodedText ImageSize = JsonEncodedText.Encode("imageSize");
        public static readonly JsonEncodedText IsSubtle = JsonEncodedText.Encode("isSubtle");
        public static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
        public static readonly JsonEncodedText MaxLines = JsonEncodedText.Encode("maxLines");
        public static readonly JsonEncodedText Separator = JsonEncodedText.Encode("separator");
        public static readonly JsonEncodedText Size = JsonEncodedText.Encode("size");
        public static readonly JsonEncodedText Spacing = JsonEncodedText.Encode("spacing");
        public static readonly JsonEncodedText Style = JsonEncodedText.Encode("style");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Weight = JsonEncodedText.Encode("weight");
        public static readonly JsonEncodedText Width = JsonEncodedText.Encode("width");
        public static readonly JsonEncodedText Wrap = JsonEncodedText.Encode("wrap");

        public static readonly JsonEncodedText ActionSet = JsonEncodedText.Encode("ActionSet");
        public static readonly JsonEncodedText AdaptiveCard = JsonEncodedText.Encode("AdaptiveCard");
        public static readonly JsonEncodedText ColumnSet = JsonEncodedText.Encode("ColumnSet");
        public static readonly JsonEncodedText Container = JsonEncodedText.Encode("Container");
        public static readonly JsonEncodedText FactSet = JsonEncodedText.Encode("FactSet");
        public static readonly JsonEncodedText Image = JsonEncodedText.Encode("Image");
        public static readonly JsonEncodedText ImageSet = JsonEncodedText.Encode("ImageSet");
        public static readonly JsonEncodedText OpenUrl = JsonEncodedText.Encode("Action.OpenUrl");
        public static readonly JsonEncodedText ShowCard = JsonEncodedText.Encode("Action.ShowCard");
        public static readonly JsonEncodedText TextBlock = JsonEncodedText.Encode("TextBlock");

        public static readonly JsonEncodedText Attention = JsonEncodedText.Encode("attention");
        public static readonly JsonEncodedText Auto = JsonEncodedText.Encode("auto");
        public static readonly JsonEncodedText Bolder = JsonEncodedText.Encode("bolder");
        public static readonly JsonEncodedText Emphasis = JsonEncodedText.Encode("emphasis");
        public static readonly JsonEncodedText HeadingStyle = JsonEncodedText.Encode("heading");
        public static readonly JsonEncodedText Large = JsonEncodedText.Encode("large");
        public static readonly JsonEncodedText Medium = JsonEncodedText.Encode("medium");
        public static readonly JsonEncodedText Monospace = JsonEncodedText.Encode("monospace");
        public static readonly JsonEncodedText None = JsonEncodedText.Encode("none");
        public static readonly JsonEncodedText Person = JsonEncodedText.Encode("person");
        public static readonly JsonEncodedText Positive = JsonEncodedText.Encode("positive");
        public static readonly JsonEncodedText Small = JsonEncodedText.Encode("small");
        public static readonly JsonEncodedText Stretch = JsonEncodedText.Encode("stretch");
    }
}
