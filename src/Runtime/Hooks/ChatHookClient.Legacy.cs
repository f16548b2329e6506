using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Json;
using CardGen.Legacy;
using CardGen.Validation;

namespace CardGen;

/// <summary>Legacy (v1) messages: written, checked and sent through the same path as v2 messages, to the v1 URL.</summary>
public sealed partial class ChatHookClient
{
    /// <summary>
    /// Checks a legacy (v1) message against RingCentral's documented rules (<see cref="LegacyValidator"/>) and posts it
    /// to the v1 form of the webhook, with the same retries, circuit breaker, timeouts, telemetry and reading of the
    /// answer as any other post.
    /// </summary>
    /// <param name="hook">The webhook. A v2 URL is posted to as its v1 form, the same webhook, since the message is in the v1 schema.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the post, including waits between retries.</param>
    /// <returns>The host's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hook"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="hook"/> is not a RingCentral webhook (a Teams URL takes no legacy message), or <see cref="Options"/> has a value out of range (the message names it); nothing was sent.</exception>
    /// <exception cref="LegacyValidationException">
    /// The message breaks a documented rule (with <see cref="ChatHookClientOptions.ValidateCards"/>), or holds text that
    /// cannot be written as UTF-8 (always); the exception names each finding. Nothing was sent.
    /// </exception>
    /// <exception cref="ChatHookException">The host refused the post, or it failed; see <see cref="ChatHookException.Failure"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public Task<ChatHookResponse> PostAsync(WebhookUrl hook, LegacyMessage message, CancellationToken cancellationToken = default)
    {
        if (hook is null)
        {
            throw new ArgumentNullException(nameof(hook));
        }

        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (hook.ChatHost != ChatHost.RingCentral)
        {
            // The v1 schema is RingCentral's: no other host reads it, and its URL has no v1 form to send it to.
            throw new ArgumentException($"A legacy (v1) message can only be posted to a RingCentral webhook; {hook.Redacted} is a {hook.ChatHost} URL. Post a WebhookMessage with Adaptive Cards instead; nothing was sent.", nameof(hook));
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(ChatHookClient));
        }

        // Everything that can be refused is refused here, before any network I/O.
        var settings = new Settings(Options);
        var body = WriteLegacy(message, hook, settings);
        try
        {
            var endpoint = MessageRoute.Endpoint(WebhookFormat.V1, hook);
            if (endpoint != hook)
            {
                HookLog.LegacyToV1(settings.Logger, endpoint, hook);
            }

                        return SendAsync(new PostState(ResolveHttp(), endpoint, body.Buffer, body.WrittenCount, settings, Name), body, message.Attachments?.Count ?? 0, cancellationToken);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Writes the message once into a pooled buffer and checks those very bytes; the buffer is what is sent.</summary>
    private static PooledBufferWriter WriteLegacy(LegacyMessage message, WebhookUrl hook, Settings settings)
    {
        var body = new PooledBufferWriter(1024);
        try
        {
            try
            {
                using var writer = new Utf8JsonWriter(body, CardJson.WriterOptions);
                message.WriteTo(writer);
            }
            catch (LegacyTextException e)
            {
                var finding = new CardFinding(FindingSeverity.Error, LegacyRules.MalformedJson, e.Path, e.Message);
                ReportLegacy(new LegacyValidationResult(new[] { finding }), hook, settings, nameof(message));
            }

            if (settings.ValidateCards)
            {
                using var document = JsonDocument.Parse(body.WrittenMemory);
                ReportLegacy(LegacyValidator.Validate(document.RootElement), hook, settings, nameof(message));
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private static void ReportLegacy(LegacyValidationResult result, WebhookUrl hook, Settings settings, string paramName)
    {
        var errors = result.Errors.Count();
        if (errors > 0)
        {
            HookLog.InvalidLegacyMessage(settings.Logger, hook, errors);
            throw new LegacyValidationException(result, paramName);
        }

        var warnings = result.Warnings.Count();
        if (warnings > 0)
        {
            HookLog.LegacyWarnings(settings.Logger, warnings);
        }
    }
}
