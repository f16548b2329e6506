using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using CardGen.Json;
using CardGen.Validation;

namespace CardGen.Emulator;

/// <summary>Conversions to the JSON shapes of the APIs.</summary>
internal static class Formats
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Name(HookRoute route) => route switch
    {
        HookRoute.V2 => "v2",
        HookRoute.Teams => "teams",
        _ => "v1",
    };

    public static string Name(PostVerdict verdict) => verdict switch
    {
        PostVerdict.Accepted => "accepted",
        PostVerdict.Rejected => "rejected",
        _ => "fault",
    };

    public static string Name(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    public static PostJson ToJson(RecordedPost post)
    {
        return new PostJson(
            post.Seq,
            post.Id,
            post.HookId,
            Name(post.Route),
            Time(post.ReceivedAt),
            Name(post.Verdict),
            post.HttpStatus,
            post.ResponseJson,
            post.ContentType,
            post.Body,
            post.BodyTruncated,
            post.BodyBytes,
            post.Text,
            post.Title,
            post.Activity,
            post.Cards,
            post.Findings.Select(f => new FindingJson(Name(f.Severity), f.RuleId, f.Path, f.Message)).ToArray(),
            post.Error,
            post.Fault);
    }

    /// <summary>
    /// A post as JSON. Each post is written on its own so that one that cannot be written (which the record should
    /// never hold) becomes a stand-in naming the problem instead of breaking a whole listing or the live stream.
    /// </summary>
    public static byte[] ToJsonBytes(RecordedPost post)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(ToJson(post), EmulatorJson.Context.PostJson);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            var standIn = new PostJson(
                post.Seq,
                post.Id,
                SafeText.ReplaceLoneSurrogates(post.HookId),
                Name(post.Route),
                Time(post.ReceivedAt),
                Name(post.Verdict),
                post.HttpStatus,
                null,
                null,
                string.Empty,
                true,
                post.BodyBytes,
                null,
                null,
                null,
                Array.Empty<JsonElement>(),
                Array.Empty<FindingJson>(),
                "The emulator cannot show this post: " + e.GetType().Name,
                null);
            return JsonSerializer.SerializeToUtf8Bytes(standIn, EmulatorJson.Context.PostJson);
        }
    }

    /// <summary>The <c>/api/posts</c> answer, each post written on its own (see <see cref="ToJsonBytes"/>).</summary>
    public static byte[] ToListBytes(long total, long accepted, long rejected, long faulted, IEnumerable<RecordedPost> posts)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("total", total);
            writer.WriteNumber("accepted", accepted);
            writer.WriteNumber("rejected", rejected);
            writer.WriteNumber("faulted", faulted);
            writer.WriteStartArray("posts");
            foreach (var post in posts)
            {
                writer.WriteRawValue(ToJsonBytes(post), skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static WebhookInfoJson ToInfo(EmulatedHook hook)
        => new(hook.Id, hook.CreatorId, hook.GroupIds, Time(hook.CreationTime), Time(hook.LastModifiedTime), hook.Uri.AbsoluteUri, hook.Status.ToString());

    public static FaultJson ToJson(FaultSpec fault) => new()
    {
        Kind = fault.Kind switch
        {
            FaultKind.TooManyRequests => "tooManyRequests",
            FaultKind.ServerError => "serverError",
            FaultKind.Delay => "delay",
            _ => "drop",
        },
        Rate = fault.Rate,
        Count = fault.Count,
        StatusCode = fault.Kind == FaultKind.ServerError ? fault.StatusCode : null,
        RetryAfterSeconds = fault.Kind == FaultKind.TooManyRequests ? fault.RetryAfterSeconds : null,
        DelayMs = fault.Kind == FaultKind.Delay ? fault.Delay.TotalMilliseconds : null,
        Seed = fault.Seed,
        Description = fault.ToString(),
    };

    /// <summary>Shortens text echoed back in an answer (a path, a header, a parser message) to 200 characters.</summary>
    public static string Clip(string text) => SafeText.Clip(text, 200);
}
