using System;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace CardGen;

/// <summary>How the client reads the answers of a Teams Workflows webhook.</summary>
public sealed partial class ChatHookClient
{
    /// <summary>
    /// A workflow's request trigger answers 202 Accepted with an empty body once it has queued the run (a workflow
    /// that ends with a Response action may answer 200 and a body of its own): any 2xx is a success, and what the
    /// run does afterwards shows only in the workflow's run history. Refusals are 4xx with
    /// <c>{"error":{"code":…,"message":…}}</c>; 429 is throttling. See docs/teams.md.
    /// </summary>
    internal static AttemptResult ClassifyTeams(WebhookUrl hook, HttpResponseMessage response, string body, bool truncated, int attempt, Settings settings)
    {
        var status = (int)response.StatusCode;
        var http = $"HTTP {status}" + (string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : $" ({Clip(hook.Scrub(response.ReasonPhrase!), 100)})");
        if (status is >= 200 and < 300)
        {
            return new AttemptResult(new ChatHookResponse(status, attempt, body, hook));
        }

        HookEnvelope? envelope = null;
        if (!truncated)
        {
            _ = HookEnvelope.TryParse(body, out envelope, out _);
        }

        var error = envelope?.Error is { } e ? Clip(hook.Scrub(e), 500) : null;
        if (status == 429)
        {
            return RateLimited("Teams throttled", hook, response, status, attempt, settings, error);
        }

        if (status is >= 500 and < 600)
        {
            return ServerError("Teams", hook, response, http + (error is null ? string.Empty : ": " + error), status, attempt, settings, error, envelope: null);
        }

        if (status is >= 300 and < 400)
        {
            return Unexpected("Teams", "workflow", hook, status, $"{http}, a redirect; workflow posts are not redirected, so check the URL", mayHaveBeenDelivered: false);
        }

        if (status is >= 400 and < 500)
        {
            var text = new StringBuilder("Teams refused the post to ").Append(hook.Redacted).Append(" with ").Append(http).Append(": ")
                .Append(error ?? (body.Length == 0 ? "no error given" : Clip(hook.Scrub(body), 300)));
            var hint = TeamsHint(envelope?.Error);
            if (hint is not null)
            {
                text.Append(". ").Append(hint);
            }

            return AttemptResult.Fail(
                ChatHookFailure.HostError,
                text.ToString(),
                mayHaveBeenDelivered: false,
                retryable: false,
                delay: TimeSpan.Zero,
                statusCode: status,
                error: error,
                validation: envelope?.Validation.Select(hook.Scrub).ToArray());
        }

        return Unexpected("Teams", "workflow", hook, status, http, mayHaveBeenDelivered: true);
    }

    /// <summary>What to do about the documented refusals of a workflow trigger.</summary>
    private static string? TeamsHint(string? error)
        => error switch
        {
            null => null,
            _ when error.Contains("DirectApiInvalidAuthorizationSignature") || error.Contains("DirectApiAuthorizationRequired")
                => "The URL's signature (sig) is wrong or missing: copy the workflow's URL again",
            _ when error.Contains("WorkflowTriggerIsNotEnabled") => "The workflow is turned off or was deleted: turn it on in the Workflows app, or create it again and use its new URL",
            _ when error.Contains("WorkflowNotFound") => "No workflow has this id: copy the workflow's URL again",
            _ => null,
        };
}
