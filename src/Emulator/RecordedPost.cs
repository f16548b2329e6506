using System;
using System.Collections.Generic;
using System.Text.Json;
using CardGen.Validation;

namespace CardGen.Emulator;

/// <summary>Which webhook endpoint a post reached.</summary>
public enum HookRoute
{
    /// <summary><c>POST /webhook/v2/{id}</c>.</summary>
    V2,

    /// <summary>The legacy <c>POST /webhook/{id}</c>.</summary>
    V1,

    /// <summary>A Teams Workflows trigger: <c>POST /workflows/{id}/triggers/manual/paths/invoke?…&amp;sig=…</c>.</summary>
    Teams,
}

/// <summary>What became of a post.</summary>
public enum PostVerdict
{
    /// <summary>Answered <c>{"status":"OK"}</c>: the post would appear in the chat.</summary>
    Accepted,

    /// <summary>Answered with RingCentral's error envelope: nothing would appear.</summary>
    Rejected,

    /// <summary>Met an injected fault or the rate limit (429, 5xx or a dropped connection): nothing would appear.</summary>
    Fault,
}

/// <summary>One problem the emulator found in a post: a card rule (<c>CV…</c>) or an envelope rule (<c>EM…</c>).</summary>
/// <param name="Severity">How serious it is; an error rejects the post.</param>
/// <param name="RuleId">The rule id, for example <c>CV030</c> or <c>EM004</c>.</param>
/// <param name="Path">Where, for example <c>$.attachments[0].body[2].size</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RecordedFinding(FindingSeverity Severity, string RuleId, string Path, string Message);

/// <summary>A post the emulator received and what it answered.</summary>
public sealed class RecordedPost
{
    internal RecordedPost(
        long seq,
        string hookId,
        HookRoute route,
        DateTimeOffset receivedAt,
        string? contentType,
        string body,
        bool bodyTruncated,
        long bodyBytes)
    {
        Seq = seq;
        Id = "post-" + seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
        HookId = hookId;
        Route = route;
        ReceivedAt = receivedAt;
        ContentType = contentType;
        Body = body;
        BodyTruncated = bodyTruncated;
        BodyBytes = bodyBytes;
    }

    /// <summary>The post's number, from 1, in the order posts were received.</summary>
    public long Seq { get; }

    /// <summary>The post's id (<c>post-{Seq}</c>).</summary>
    public string Id { get; }

    /// <summary>The webhook id from the URL (as sent, also when no such hook exists).</summary>
    public string HookId { get; }

    /// <summary>The endpoint: v2 or legacy v1.</summary>
    public HookRoute Route { get; }

    /// <summary>When the request arrived.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>When the answer was decided (after any injected delay).</summary>
    public DateTimeOffset AnsweredAt { get; internal set; }

    /// <summary>The request's <c>Content-Type</c>.</summary>
    public string? ContentType { get; }

    /// <summary>The raw body as UTF-8 text, cut at <see cref="HookEmulatorOptions.RecordedBodyBytes"/>.</summary>
    public string Body { get; }

    /// <summary>Whether <see cref="Body"/> was cut off (or not read at all, for a body over the size limit).</summary>
    public bool BodyTruncated { get; }

    /// <summary>The body's size in bytes as far as it was read.</summary>
    public long BodyBytes { get; }

    /// <summary>What became of the post.</summary>
    public PostVerdict Verdict { get; internal set; }

    /// <summary>The HTTP status answered (0 for a dropped connection).</summary>
    public int HttpStatus { get; internal set; }

    /// <summary>The JSON answered, or <see langword="null"/> for none (a dropped connection).</summary>
    public string? ResponseBody { get; internal set; }

    /// <summary><see cref="ResponseBody"/> parsed, for the inspection API.</summary>
    internal JsonElement? ResponseJson { get; set; }

    /// <summary>The injected fault or rate limit the post met, described; <see langword="null"/> for none.</summary>
    public string? Fault { get; internal set; }

    /// <summary>The v2 <c>text</c> or the v1 <c>body</c>.</summary>
    public string? Text { get; internal set; }

    /// <summary>The <c>title</c>.</summary>
    public string? Title { get; internal set; }

    /// <summary>The <c>activity</c>.</summary>
    public string? Activity { get; internal set; }

    /// <summary>The Adaptive Card attachments, as parsed JSON (also when they were rejected).</summary>
    public IReadOnlyList<JsonElement> Cards { get; internal set; } = Array.Empty<JsonElement>();

    /// <summary>Everything found wrong with the post.</summary>
    public IReadOnlyList<RecordedFinding> Findings { get; internal set; } = Array.Empty<RecordedFinding>();

    /// <summary>The <c>error</c> of the error envelope answered, or <see langword="null"/>.</summary>
    public string? Error { get; internal set; }

    /// <summary>About how much memory the record holds (the body, cards and answer), for the store's budget.</summary>
    internal long ApproximateBytes
    {
        get
        {
            // The answer is held twice: as text and parsed (about its UTF-8 size).
            long bytes = 512 + (2L * Body.Length) + (3L * (ResponseBody?.Length ?? 0)) + (2L * ((Text?.Length ?? 0) + (Title?.Length ?? 0) + (Activity?.Length ?? 0)));
            foreach (var card in Cards)
            {
                bytes += System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(card).Length;
            }

            foreach (var finding in Findings)
            {
                bytes += 64 + (2L * (finding.Message.Length + finding.Path.Length));
            }

            return bytes;
        }
    }

    /// <summary>One line, for test output: <c>#3 v2 0c4a… accepted 200</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{Seq} {Route} {Verdict} {HttpStatus}{(Error is null ? string.Empty : ": " + Error)}");
}
