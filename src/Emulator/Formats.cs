using System;
using System.Globalization;
using System.Linq;
using CardGen.Validation;

namespace CardGen.Emulator;

/// <summary>Conversions to the JSON shapes of the APIs.</summary>
internal static class Formats
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Name(HookRoute route) => route == HookRoute.V2 ? "v2" : "v1";

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

    /// <summary>Reads a fault from the admin API's JSON.</summary>
    /// <exception cref="ArgumentException">The JSON does not describe a valid fault.</exception>
    public static FaultSpec FromJson(FaultJson json)
    {
        var kind = (json.Kind ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "toomanyrequests" or "429" or "ratelimited" => FaultKind.TooManyRequests,
            "servererror" or "5xx" or "500" or "502" or "503" or "504" => FaultKind.ServerError,
            "delay" => FaultKind.Delay,
            "drop" or "abort" => FaultKind.Drop,
            _ => throw new ArgumentException("'kind' must be one of tooManyRequests, serverError, delay, drop."),
        };
        var spec = new FaultSpec
        {
            Kind = kind,
            Rate = json.Rate ?? 1,
            Count = json.Count,
            Seed = json.Seed,
            StatusCode = json.StatusCode ?? (kind == FaultKind.ServerError && int.TryParse(json.Kind, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 503),
            RetryAfter = TimeSpan.FromSeconds(json.RetryAfterSeconds ?? 1),
            Delay = TimeSpan.FromMilliseconds(json.DelayMs ?? 0),
        };
        try
        {
            spec.Check();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        return spec;
    }

    /// <summary>Shortens text echoed back in an answer (a path, a header, a parser message) to 200 characters.</summary>
    public static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
