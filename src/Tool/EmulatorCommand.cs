using System;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.Tool;

/// <summary><c>cardgen emulator</c>: the local webhook emulator until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Build(ToolConsole console)
    {
        var port = new Option<int>("--port") { Description = "The loopback port (default 5080; 0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var clientId = new Option<string?>("--client-id") { Description = "The OAuth client id the token endpoint accepts (default: a random one, printed)." };
        var clientSecret = new Option<string?>("--client-secret-env")
        {
            Description = "The name of an environment variable holding the client secret the token endpoint accepts (default: a random one, printed).",
            HelpName = "NAME",
        };
        var quiet = new Option<bool>("--quiet") { Description = "No line per request." };
        var command = new Command("emulator", "Run the local RingCentral webhook emulator (webhooks, management API, token endpoint, preview page) until Ctrl+C.")
        {
            port, clientId, clientSecret, quiet,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            console,
            result.GetValue(port),
            result.GetValue(clientId),
            result.GetValue(clientSecret) is { } name ? console.Environment(name) ?? throw new UsageException($"the environment variable {name} is not set.") : null,
            result.GetValue(quiet),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ToolConsole console, int port, string? clientId, string? clientSecret, bool quiet, CancellationToken cancellationToken)
    {
        if (port is < 0 or > 65535)
        {
            throw new UsageException("--port must be 0-65535.");
        }

        HookEmulator emulator;
        try
        {
            emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { Port = port, ClientId = clientId, ClientSecret = clientSecret, ConsoleLogging = !quiet }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.IO.IOException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"cardgen: cannot start the emulator on 127.0.0.1:{port}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await using (emulator.ConfigureAwait(false))
        {
            var output = console.Output;
            await output.WriteLineAsync("CardGen webhook emulator (a local stand-in for RingCentral incoming webhooks and their management API)").ConfigureAwait(false);
            await output.WriteLineAsync($"  Preview page:        {emulator.PageUri}").ConfigureAwait(false);
            await output.WriteLineAsync($"  Local emulator hook: {emulator.DefaultHook.RevealUri()}").ConfigureAwait(false);
            await output.WriteLineAsync($"  Teams workflow hook: {emulator.GetUrl(emulator.DefaultHookId, HookRoute.Teams).RevealUri()}").ConfigureAwait(false);
            await output.WriteLineAsync($"  Management API:      {emulator.BaseAddress}team-messaging/v1 (cardgen hooks ... --server {emulator.BaseAddress})").ConfigureAwait(false);
            await output.WriteLineAsync($"  Token endpoint:      {emulator.TokenEndpoint}").ConfigureAwait(false);
            await output.WriteLineAsync($"    RINGCENTRAL_CLIENT_ID={emulator.ClientId}").ConfigureAwait(false);
            await output.WriteLineAsync($"    RINGCENTRAL_CLIENT_SECRET={emulator.ClientSecret}").ConfigureAwait(false);
            await output.WriteLineAsync($"    RINGCENTRAL_JWT={emulator.JwtCredential}").ConfigureAwait(false);
            await output.WriteLineAsync("  (local, made-up credentials; none of them opens anything but this emulator)").ConfigureAwait(false);
            await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);

            try
            {
                await emulator.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM.
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Stopped after {emulator.TotalPosts} post(s): {emulator.AcceptedPosts} accepted, {emulator.RejectedPosts} rejected, {emulator.FaultedPosts} faulted.")).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
