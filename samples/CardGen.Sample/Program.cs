using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Sample.Cards;
using CardGen.Sample.Mapping;
using CardGen.Schema;

namespace CardGen.Sample;

/// <summary>
/// Turns issue-tracker and CI webhook payloads (events/*.json) into [ChatCard] events and either prints the
/// RingCentral webhook message each one would post, or posts them to the webhook in CARDGEN_WEBHOOK_URL.
/// </summary>
internal static class Program
{
    private const string HookVariable = "CARDGEN_WEBHOOK_URL";
    private const int Failed = 1;
    private const int UsageError = 2;
    private const int Cancelled = 130;

    private static readonly JsonWriterOptions PrintOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Let the current post end with OperationCanceledException instead of killing the process.
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(args, cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return Cancelled;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length > 1 || (args.Length == 1 && args[0] is "-h" or "--help" or "/?"))
        {
            Console.Error.WriteLine("usage: dotnet run --project samples/CardGen.Sample [-- <folder of event .json files>]");
            Console.Error.WriteLine($"       set {HookVariable} to a RingCentral incoming-webhook URL to post the cards instead of printing them");
            return args.Length > 1 ? UsageError : 0;
        }

        var folder = args.Length == 1 ? args[0] : Path.Combine(AppContext.BaseDirectory, "events");
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"error: the events folder '{folder}' does not exist.");
            return UsageError;
        }

        var files = Directory.GetFiles(folder, "*.json").OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"error: the events folder '{folder}' has no .json files.");
            return UsageError;
        }

        WebhookUrl? hook = null;
        var hookText = Environment.GetEnvironmentVariable(HookVariable);
        if (!string.IsNullOrWhiteSpace(hookText) && !WebhookUrl.TryParse(hookText, out hook, out var hookError))
        {
            // The parse error never contains the webhook id, so it is safe to print.
            Console.Error.WriteLine($"error: {HookVariable} is not a RingCentral webhook URL. {hookError}");
            return UsageError;
        }

        var failures = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(file);
            if (!TryLoad(file, out var evt, out var problem))
            {
                Console.Error.WriteLine($"skipped {name}: {problem}");
                failures++;
                continue;
            }

            var ok = hook is null ? Print(name, evt) : await PostAsync(name, evt, hook, cancellationToken).ConfigureAwait(false);
            failures += ok ? 0 : 1;
        }

        var verb = hook is null ? "printed" : "posted";
        Console.WriteLine($"{files.Count - failures} of {files.Count} event(s) {verb}, {failures} failed.");
        if (hook is null)
        {
            Console.WriteLine();
            Console.WriteLine("To post the cards, create an incoming webhook in RingCentral (its URL is a secret) and run:");
            Console.WriteLine($"  {HookVariable}=https://hooks.ringcentral.com/webhook/v2/<id> dotnet run --project samples/CardGen.Sample");
        }

        return failures == 0 ? 0 : Failed;
    }

    /// <summary>Reads, parses and maps one file; on bad input says why (file name, JSON path, what is wrong) instead of throwing.</summary>
    private static bool TryLoad(string file, out IChatEvent evt, out string problem)
    {
        evt = null!;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read: {e.Message}";
            return false;
        }

        var json = bytes.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            problem = "is empty.";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            evt = EventMapper.Map(document.RootElement);
            problem = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            problem = $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";
            return false;
        }
        catch (EventFormatException e)
        {
            problem = e.Message + ".";
            return false;
        }
    }

    /// <summary>Prints the webhook message the event would post and whether its card is valid for RingCentral.</summary>
    private static bool Print(string name, IChatEvent evt)
    {
        var message = evt.ToWebhookMessage();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, PrintOptions))
        {
            message.WriteTo(writer);
        }

        Console.WriteLine($"== {name} -> {evt.GetType().Name}");
        Console.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));

        var result = message.Attachments[0].Validate(HostProfile.RingCentral);
        Console.WriteLine(result.Findings.Count == 0
            ? $"verdict: valid for {result.Target}, no findings"
            : $"verdict: {(result.IsValid ? "valid" : "NOT valid")} for {result.Target}:{Environment.NewLine}  {result.ToString().TrimEnd().Replace(Environment.NewLine, Environment.NewLine + "  ", StringComparison.Ordinal)}");
        Console.WriteLine();
        return result.IsValid;
    }

    /// <summary>Posts the event's card; a refused or failed post is reported in one line and counted, not thrown.</summary>
    private static async Task<bool> PostAsync(string name, IChatEvent evt, WebhookUrl hook, CancellationToken cancellationToken)
    {
        try
        {
            var response = await evt.PostToHookAsync(hook, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"posted {name} to {hook} (HTTP {response.StatusCode})");
            return true;
        }
        catch (CardValidationException e)
        {
            // Nothing was sent: the card has errors for RingCentral.
            var errors = e.Result.Errors.ToList();
            var first = errors.Count > 0 ? $"{errors[0].RuleId} at {errors[0].Path}: {errors[0].Message}" : e.Message;
            Console.Error.WriteLine($"not sent {name}: the card is not valid for {e.Result.Target} ({errors.Count} error(s); first: {OneLine(first)})");
            return false;
        }
        catch (ChatHookException e)
        {
            // The message names the webhook only by its redacted URL, and says whether the post may have gone through.
            Console.Error.WriteLine($"failed {name}: {OneLine(e.Message)}");
            return false;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
