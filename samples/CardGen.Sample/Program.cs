using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Emulator;
using CardGen.Sample.Cards;
using CardGen.Sample.Mapping;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen.Sample;

/// <summary>
/// Turns issue-tracker and CI webhook payloads (events/*.json) into [ChatCard] events and posts them to the webhook
/// in CARDGEN_WEBHOOK_URL or, without one, to a local webhook emulator it starts in-process and keeps serving so the
/// cards can be seen in a browser. With --print it prints the webhook messages instead.
/// </summary>
internal static class Program
{
    private const string HookVariable = "CARDGEN_WEBHOOK_URL";
    private const string PortVariable = "CARDGEN_EMULATOR_PORT";
    private const string ExitVariable = "CARDGEN_SAMPLE_EXIT";
    private const int DefaultEmulatorPort = 5080;
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
        var exitAfterPosting = Environment.GetEnvironmentVariable(ExitVariable) is "1" or "true";
        var print = false;
        string? folderArgument = null;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "-h" or "--help" or "/?":
                    Usage();
                    return 0;
                case "--exit":
                    exitAfterPosting = true;
                    break;
                case "--print":
                    print = true;
                    break;
                case not null when arg.StartsWith('-') || folderArgument is not null:
                    Console.Error.WriteLine($"error: unexpected argument '{arg}'.");
                    Usage();
                    return UsageError;
                default:
                    folderArgument = arg;
                    break;
            }
        }

        var folder = folderArgument ?? Path.Combine(AppContext.BaseDirectory, "events");
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

        if (print)
        {
            var printFailures = await ForEachEventAsync(files, (name, evt) => Task.FromResult(Print(name, evt)), cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"{files.Count - printFailures} of {files.Count} event(s) printed, {printFailures} failed.");
            return printFailures == 0 ? 0 : Failed;
        }

        if (hook is not null)
        {
            var failures = await ForEachEventAsync(files, (name, evt) => PostAsync(name, evt, hook, cancellationToken), cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"{files.Count - failures} of {files.Count} event(s) posted, {failures} failed.");
            return failures == 0 ? 0 : Failed;
        }

        if (!TryReadPort(out var port))
        {
            Console.Error.WriteLine($"error: {PortVariable} must be a port number from 0 to 65535 (0 picks a free port).");
            return UsageError;
        }

        return await RunWithEmulatorAsync(files, port, exitAfterPosting, cancellationToken).ConfigureAwait(false);
    }

    private static void Usage()
    {
        Console.Error.WriteLine("usage: dotnet run --project samples/CardGen.Sample [-- [--exit] [--print] [<folder of event .json files>]]");
        Console.Error.WriteLine($"  With {HookVariable} set to a RingCentral incoming-webhook URL, posts the cards there.");
        Console.Error.WriteLine($"  Without it, starts the local webhook emulator (port {PortVariable}, default {DefaultEmulatorPort}), posts the");
        Console.Error.WriteLine("  cards to it and keeps serving its preview page until Ctrl+C.");
        Console.Error.WriteLine($"  --exit (or {ExitVariable}=1): stop after posting.   --print: print the webhook messages, post nothing.");
    }

    /// <summary>Loads each file in turn and hands the event to <paramref name="handle"/>; returns how many failed.</summary>
    private static async Task<int> ForEachEventAsync(List<string> files, Func<string, IChatEvent, Task<bool>> handle, CancellationToken cancellationToken)
    {
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

            failures += await handle(name, evt).ConfigureAwait(false) ? 0 : 1;
        }

        return failures;
    }

    private static bool TryReadPort(out int port)
    {
        var text = Environment.GetEnvironmentVariable(PortVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            port = DefaultEmulatorPort;
            return true;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) && port <= 65535;
    }

    /// <summary>
    /// Starts the emulator, posts every card to its default hook through the generated <c>PostToHookAsync</c>, prints
    /// what became of each, then serves the preview page until Ctrl+C (or returns at once with <paramref name="exitAfterPosting"/>).
    /// </summary>
    private static async Task<int> RunWithEmulatorAsync(List<string> files, int port, bool exitAfterPosting, CancellationToken cancellationToken)
    {
        await using var emulator = await StartEmulatorAsync(port, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"No {HookVariable} set: posting to the local webhook emulator at {emulator.BaseAddress}");

        var failures = await ForEachEventAsync(files, (name, evt) => PostToEmulatorAsync(name, evt, emulator, cancellationToken), cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"{files.Count - failures} of {files.Count} card(s) accepted, {failures} not.");
        Console.WriteLine();
        Console.WriteLine($"Open {emulator.PageUri} to see the cards.");
        if (exitAfterPosting)
        {
            return failures == 0 ? 0 : Failed;
        }

        Console.WriteLine("The emulator keeps running (post more to it, or watch the page); press Ctrl+C to stop.");
        Console.WriteLine($"To post to RingCentral instead, set {HookVariable} to an incoming-webhook URL (it is a secret; it is never printed).");
        try
        {
            await Task.WhenAny(Task.Delay(Timeout.Infinite, cancellationToken), emulator.WaitForShutdownAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the normal way to stop serving.
        }

        Console.WriteLine($"Stopped. The emulator received {emulator.TotalPosts} post(s): {emulator.AcceptedPosts} accepted, {emulator.RejectedPosts} rejected.");
        return failures == 0 ? 0 : Failed;
    }

    /// <summary>Starts the emulator on <paramref name="port"/>, or on a free port when that one is taken.</summary>
    private static async Task<HookEmulator> StartEmulatorAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            return await HookEmulator.StartAsync(new HookEmulatorOptions { Port = port }, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (port != 0)
        {
            Console.WriteLine($"Port {port} is taken; the emulator uses a free port instead (set {PortVariable} to choose one).");
            return await HookEmulator.StartAsync(new HookEmulatorOptions { Port = 0 }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Posts one card to the emulator's default hook and says whether it was accepted, and if not, why.</summary>
    private static async Task<bool> PostToEmulatorAsync(string name, IChatEvent evt, HookEmulator emulator, CancellationToken cancellationToken)
    {
        var what = $"{name} -> {evt.GetType().Name}";
        var before = emulator.TotalPosts;
        try
        {
            await evt.PostToHookAsync(emulator.DefaultHook, cancellationToken).ConfigureAwait(false);
        }
        catch (CardValidationException e)
        {
            var errors = e.Result.Errors.ToList();
            var first = errors.Count > 0 ? $"{errors[0].RuleId} at {errors[0].Path}: {errors[0].Message}" : e.Message;
            Console.WriteLine($"  not sent  {what}: the card is not valid for {e.Result.Target} ({OneLine(first)})");
            return false;
        }
        catch (ChatHookException e)
        {
            var reason = e.Error ?? e.Message;
            if (e.Validation.Count > 0)
            {
                reason += " (" + string.Join("; ", e.Validation) + ")";
            }

            Console.WriteLine($"  rejected  {what}: {OneLine(reason)}");
            return false;
        }

        // The sample is the only poster at this point, so its post is the one after 'before'.
        var recorded = emulator.Posts.FirstOrDefault(p => p.Seq > before);
        var warnings = recorded?.Findings.Where(f => f.Severity == FindingSeverity.Warning).ToList() ?? [];
        Console.WriteLine(warnings.Count == 0
            ? $"  accepted  {what}"
            : $"  accepted  {what}, with {warnings.Count} warning(s); first: {warnings[0].RuleId} at {warnings[0].Path}: {OneLine(warnings[0].Message)}");
        return true;
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
