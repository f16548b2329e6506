using System;
using System.Globalization;
using System.Text.Json;
using CardGen.Cards;

namespace CardGen.Benchmarks;

/// <summary>Where a deployment went.</summary>
public enum DeploymentEnvironment
{
    Development,
    Staging,
    Production,
}

/// <summary>
/// A realistic deployment notification as a <c>[ChatCard]</c> type: a title with two placeholders, a summary, six facts
/// (four strings, an enum and a time), two texts, an image and two actions. The CardGen generator, referenced as an
/// analyzer, writes its <c>WriteCardJson</c> and <c>ToAdaptiveCard</c>.
/// </summary>
[ChatCard(Title = "Deployment {DeploymentNumber} of {Service} succeeded", Summary = "{Service} {Release} is live in {Environment}")]
public sealed partial class DeploymentSucceeded
{
    public int DeploymentNumber { get; init; }

    [CardFact("Service")] public required string Service { get; init; }

    [CardFact("Environment")] public DeploymentEnvironment Environment { get; init; }

    [CardFact("Release")] public required string Release { get; init; }

    [CardFact("Commit")] public required string Commit { get; init; }

    [CardFact("Deployed by")] public required string DeployedBy { get; init; }

    [CardFact("Finished")] public DateTimeOffset FinishedAt { get; init; }

    [CardText] public string? Description { get; init; }

    [CardText(IsSubtle = true)] public string? Note { get; init; }

    [CardImage(AltText = "Deployer avatar")] public Uri? DeployerAvatar { get; init; }

    [CardAction("Open deployment")] public required Uri DeploymentUrl { get; init; }

    [CardAction("View logs")] public required Uri LogsUrl { get; init; }
}

/// <summary>The sample notification, and the same card's JSON written by hand: the floor for the generated writer.</summary>
internal static class DeploymentNotification
{
    private static readonly string[] EnvironmentNames = Enum.GetNames<DeploymentEnvironment>();
    private static readonly JsonEncodedText[] EncodedEnvironmentNames = Array.ConvertAll(EnvironmentNames, n => JsonEncodedText.Encode(n));

    /// <summary>
    /// The sample. Its text holds no markdown, so <see cref="CardText.EscapeMarkdown"/> returns every value as it is
    /// and allocates nothing; <see cref="AssertNothingToEscape"/> checks that.
    /// </summary>
    public static DeploymentSucceeded Sample() => new()
    {
        DeploymentNumber = 1842,
        Service = "payments-api",
        Environment = DeploymentEnvironment.Production,
        Release = "2026.11.3",
        Commit = "9f3c2e1",
        DeployedBy = "Dana Lee",
        FinishedAt = new DateTimeOffset(2026, 11, 27, 10, 14, 0, TimeSpan.FromHours(1)),
        Description = "Rolls out the new refund flow to every region behind the refunds-v2 flag",
        Note = "Canary checks passed in 4 of 4 regions in 12 minutes",
        DeployerAvatar = new Uri("https://avatars.example.com/u/10452?s=96"),
        DeploymentUrl = new Uri("https://deploy.example.com/payments-api/deployments/1842"),
        LogsUrl = new Uri("https://logs.example.com/payments-api/deployments/1842"),
    };

    /// <summary>Throws when a sample value would be changed by markdown escaping (and so allocate in the generated writer).</summary>
    public static void AssertNothingToEscape(DeploymentSucceeded e)
    {
        foreach (var value in new[] { e.Service, e.Release, e.Commit, e.DeployedBy, e.Description ?? "", e.Note ?? "", e.Environment.ToString(), e.DeploymentNumber.ToString(CultureInfo.InvariantCulture) })
        {
            if (!ReferenceEquals(CardText.EscapeMarkdown(value), value))
            {
                throw new InvalidOperationException($"The sample value \"{value}\" holds markdown; escaping it allocates, which the allocation target excludes.");
            }
        }
    }

    /// <summary>
    /// Writes the card exactly as the generated <c>WriteCardJson</c> does (same bytes; the same markdown escaping of the
    /// string values), the way a careful person would by hand: pre-encoded names and enum names, and the title, the date
    /// fact and the fallback text formatted into a stack buffer instead of concatenated strings.
    /// </summary>
    public static void WriteByHand(Utf8JsonWriter w, DeploymentSucceeded e)
    {
        Span<char> buffer = stackalloc char[256];
        var service = CardText.EscapeMarkdown(e.Service);

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.AdaptiveCard);
        w.WriteString(Names.Version, Names.V13);
        w.WriteStartArray(Names.Body);

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.TextBlock);
        if (buffer.TryWrite(CultureInfo.InvariantCulture, $"Deployment {e.DeploymentNumber} of {service} succeeded", out var written))
        {
            w.WriteString(Names.Text, buffer[..written]);
        }
        else
        {
            w.WriteString(Names.Text, string.Create(CultureInfo.InvariantCulture, $"Deployment {e.DeploymentNumber} of {service} succeeded"));
        }

        w.WriteString(Names.Size, Names.Large);
        w.WriteString(Names.Weight, Names.Bolder);
        w.WriteBoolean(Names.Wrap, true);
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString(Names.Type, Names.FactSet);
        w.WriteStartArray(Names.Facts);
        Fact(w, Names.ServiceTitle, service);
        w.WriteStartObject();
        w.WriteString(Names.Title, Names.EnvironmentTitle);
        w.WriteString(Names.Value, EncodedEnvironmentNames[(int)e.Environment]);
        w.WriteEndObject();
        Fact(w, Names.ReleaseTitle, CardText.EscapeMarkdown(e.Release));
        Fact(w, Names.CommitTitle, CardText.EscapeMarkdown(e.Commit));
        Fact(w, Names.DeployedByTitle, CardText.EscapeMarkdown(e.DeployedBy));
        w.WriteStartObject();
        w.WriteString(Names.Title, Names.FinishedTitle);
        var utc = e.FinishedAt.UtcDateTime;
        if (!buffer.TryWrite(CultureInfo.InvariantCulture, $"{{{{DATE({utc:yyyy-MM-dd'T'HH:mm:ss'Z'}, SHORT)}}}} {{{{TIME({utc:yyyy-MM-dd'T'HH:mm:ss'Z'})}}}}", out written))
        {
            throw new InvalidOperationException("A date always fits in the buffer.");
        }

        w.WriteString(Names.Value, buffer[..written]);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();

        if (e.Description is { } description)
        {
            w.WriteStartObject();
            w.WriteString(Names.Type, Names.TextBlock);
            w.WriteString(Names.Text, CardText.EscapeMarkdown(description));
            w.WriteBoolean(Names.Wrap, true);
            w.WriteEndObject();
        }

        if (e.Note is { } note)
        {
            w.WriteStartObject();
            w.WriteString(Names.Type, Names.TextBlock);
            w.WriteString(Names.Text, CardText.EscapeMarkdown(note));
            w.WriteBoolean(Names.IsSubtle, true);
            w.WriteBoolean(Names.Wrap, true);
            w.WriteEndObject();
        }

        if (e.DeployerAvatar is { } avatar)
        {
            w.WriteStartObject();
            w.WriteString(Names.Type, Names.Image);
            w.WriteString(Names.Url, CardText.Url(avatar));
            w.WriteString(Names.AltText, Names.AvatarAlt);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray(Names.Actions);
        OpenUrl(w, Names.OpenDeployment, e.DeploymentUrl);
        OpenUrl(w, Names.ViewLogs, e.LogsUrl);
        w.WriteEndArray();

        var environment = EnvironmentNames[(int)e.Environment];
        if (buffer.TryWrite(CultureInfo.InvariantCulture, $"{e.Service} {e.Release} is live in {environment}", out written))
        {
            w.WriteString(Names.FallbackText, buffer[..written]);
        }
        else
        {
            w.WriteString(Names.FallbackText, e.Service + " " + e.Release + " is live in " + environment);
        }

        w.WriteEndObject();
    }

    private static void Fact(Utf8JsonWriter w, JsonEncodedText title, string value)
    {
        w.WriteStartObject();
        w.WriteString(Names.Title, title);
        w.WriteString(Names.Value, value);
        w.WriteEndObject();
    }

    private static void OpenUrl(Utf8JsonWriter w, JsonEncodedText title, Uri url)
    {
        w.WriteStartObject();
        w.WriteString(Names.Type, Names.OpenUrl);
        w.WriteString(Names.Title, title);
        w.WriteString(Names.Url, CardText.Url(url));
        w.WriteEndObject();
    }

    private static class Names
    {
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Body = JsonEncodedText.Encode("body");
        public static readonly JsonEncodedText Actions = JsonEncodedText.Encode("actions");
        public static readonly JsonEncodedText FallbackText = JsonEncodedText.Encode("fallbackText");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Size = JsonEncodedText.Encode("size");
        public static readonly JsonEncodedText Weight = JsonEncodedText.Encode("weight");
        public static readonly JsonEncodedText Wrap = JsonEncodedText.Encode("wrap");
        public static readonly JsonEncodedText IsSubtle = JsonEncodedText.Encode("isSubtle");
        public static readonly JsonEncodedText Facts = JsonEncodedText.Encode("facts");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText AltText = JsonEncodedText.Encode("altText");

        public static readonly JsonEncodedText AdaptiveCard = JsonEncodedText.Encode("AdaptiveCard");
        public static readonly JsonEncodedText V13 = JsonEncodedText.Encode("1.3");
        public static readonly JsonEncodedText TextBlock = JsonEncodedText.Encode("TextBlock");
        public static readonly JsonEncodedText FactSet = JsonEncodedText.Encode("FactSet");
        public static readonly JsonEncodedText Image = JsonEncodedText.Encode("Image");
        public static readonly JsonEncodedText OpenUrl = JsonEncodedText.Encode("Action.OpenUrl");
        public static readonly JsonEncodedText Large = JsonEncodedText.Encode("large");
        public static readonly JsonEncodedText Bolder = JsonEncodedText.Encode("bolder");

        public static readonly JsonEncodedText ServiceTitle = JsonEncodedText.Encode("Service");
        public static readonly JsonEncodedText EnvironmentTitle = JsonEncodedText.Encode("Environment");
        public static readonly JsonEncodedText ReleaseTitle = JsonEncodedText.Encode("Release");
        public static readonly JsonEncodedText CommitTitle = JsonEncodedText.Encode("Commit");
        public static readonly JsonEncodedText DeployedByTitle = JsonEncodedText.Encode("Deployed by");
        public static readonly JsonEncodedText FinishedTitle = JsonEncodedText.Encode("Finished");
        public static readonly JsonEncodedText AvatarAlt = JsonEncodedText.Encode("Deployer avatar");
        public static readonly JsonEncodedText OpenDeployment = JsonEncodedText.Encode("Open deployment");
        public static readonly JsonEncodedText ViewLogs = JsonEncodedText.Encode("View logs");
    }
}
