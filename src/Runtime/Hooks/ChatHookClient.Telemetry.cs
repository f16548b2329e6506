using System.Diagnostics;

namespace CardGen;

/// <summary>The client's span and metrics: every value is the hook's name, its host, or redacted.</summary>
public sealed partial class ChatHookClient
{
    private static Activity? StartActivity(PostState state)
    {
        var source = ChatHookTelemetry.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var endpoint = state.Endpoint;
        var activity = source.StartActivity("POST " + endpoint.PathTemplate, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ChatHookTelemetry.Tags.Method, "POST");
            activity.SetTag(ChatHookTelemetry.Tags.ServerAddress, endpoint.Host);
            activity.SetTag(ChatHookTelemetry.Tags.ServerPort, endpoint.Port);
            activity.SetTag(ChatHookTelemetry.Tags.UrlFull, endpoint.Redacted);
            activity.SetTag(ChatHookTelemetry.Tags.UrlTemplate, endpoint.PathTemplate);
            activity.SetTag(ChatHookTelemetry.Tags.Route, Route(endpoint));
            if (state.HookName is { } name)
            {
                activity.SetTag(ChatHookTelemetry.Tags.HookName, name);
            }
        }

        return activity;
    }

    private static void Finish(PostState state, Activity? activity, long started, bool canceled, ChatHookResponse? response, ChatHookException? exception)
    {
        var outcome = response is not null ? "Delivered" : canceled ? "Canceled" : exception?.Failure.ToString() ?? "Error";
        var seconds = (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
        var tags = Tags(state);
        tags.Add(ChatHookTelemetry.Tags.Outcome, outcome);
        ChatHookTelemetry.Posts.Add(1, tags);
        ChatHookTelemetry.Duration.Record(seconds, tags);
        ChatHookTelemetry.PayloadSize.Record(state.Length, tags);
        if (exception is not null)
        {
            var failure = Tags(state);
            failure.Add(ChatHookTelemetry.Tags.Reason, exception.Failure.ToString());
            ChatHookTelemetry.Failures.Add(1, failure);
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag(ChatHookTelemetry.Tags.Attempts, state.Attempts);
        activity.SetTag(ChatHookTelemetry.Tags.Outcome, outcome);
        if (response is not null)
        {
            activity.SetTag(ChatHookTelemetry.Tags.StatusCode, response.StatusCode);
            return;
        }

        if (exception is not null)
        {
            if (exception.StatusCode is { } status)
            {
                activity.SetTag(ChatHookTelemetry.Tags.StatusCode, status);
            }

            activity.SetTag(ChatHookTelemetry.Tags.ErrorType, exception.Failure.ToString());
            activity.SetTag(ChatHookTelemetry.Tags.MayHaveBeenDelivered, exception.MayHaveBeenDelivered);
            if (exception.Error is { } error)
            {
                // ChatHookException.Error is already scrubbed of the webhook id.
                activity.SetTag(ChatHookTelemetry.Tags.HostError, Clip(state.Endpoint.Scrub(error), 500));
            }

            activity.SetStatus(ActivityStatusCode.Error, exception.Failure.ToString());
        }
        else
        {
            activity.SetTag(ChatHookTelemetry.Tags.ErrorType, canceled ? "Canceled" : "Error");
            activity.SetStatus(ActivityStatusCode.Error, canceled ? "Canceled" : "Error");
        }
    }

    private static TagList Tags(PostState state)
    {
        var tags = default(TagList);
        if (state.HookName is { } name)
        {
            tags.Add(ChatHookTelemetry.Tags.HookName, name);
        }

        tags.Add(ChatHookTelemetry.Tags.ServerAddress, state.Endpoint.Host);
        tags.Add(ChatHookTelemetry.Tags.Route, Route(state.Endpoint));
        return tags;
    }

    private static string Route(WebhookUrl endpoint) => endpoint.Format == WebhookFormat.V2 ? "v2" : "v1";
}
