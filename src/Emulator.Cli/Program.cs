using System;
using System.Globalization;
using System.Threading.Tasks;
using CardGen.Emulator;
using Microsoft.Extensions.Configuration;

var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables("CARDGEN_EMULATOR_")
    .AddCommandLine(args, new System.Collections.Generic.Dictionary<string, string>
    {
        ["--port"] = "PORT",
        ["--token"] = "TOKEN",
        ["--error-status"] = "ERROR_STATUS",
        ["--hook-id"] = "DEFAULT_HOOK_ID",
        ["--quiet"] = "QUIET",
        ["--client-id"] = "CLIENT_ID",
    })
    .Build();

HookEmulatorOptions options;
try
{
    options = EmulatorConfiguration.Read(configuration);
}
catch (FormatException e)
{
    await Console.Error.WriteLineAsync("cardgen-emulator: " + e.Message).ConfigureAwait(false);
    return 2;
}

options.ConsoleLogging = !string.Equals(configuration["QUIET"], "true", StringComparison.OrdinalIgnoreCase);

HookEmulator emulator;
try
{
    emulator = await HookEmulator.StartAsync(options).ConfigureAwait(false);
}
catch (Exception e) when (e is System.IO.IOException or ArgumentException)
{
    await Console.Error.WriteLineAsync($"cardgen-emulator: cannot start on 127.0.0.1:{options.Port}: {e.Message}").ConfigureAwait(false);
    return 1;
}

await using var running = emulator;
Console.WriteLine("CardGen webhook emulator (a local stand-in for RingCentral incoming webhooks)");
Console.WriteLine($"  Preview page:        {emulator.PageUri}");
Console.WriteLine($"  Local emulator hook: {emulator.DefaultHook.RevealUri()}");
Console.WriteLine($"  Legacy v1 hook:      {emulator.GetUrl(emulator.DefaultHookId, HookRoute.V1).RevealUri()}");
Console.WriteLine($"  Teams workflow hook: {emulator.GetUrl(emulator.DefaultHookId, HookRoute.Teams).RevealUri()}");
Console.WriteLine($"  Management API:      {emulator.BaseAddress}team-messaging/v1 (Authorization: Bearer {emulator.ManagementToken})");
Console.WriteLine($"  Token endpoint:      {emulator.TokenEndpoint} (JWT bearer grant)");
Console.WriteLine($"    client id:         {emulator.ClientId}");
Console.WriteLine($"    client secret:     {emulator.ClientSecret}");
Console.WriteLine($"    JWT credential:    {emulator.JwtCredential}");
Console.WriteLine($"  Recorded posts:      {emulator.BaseAddress}api/posts");
Console.WriteLine("Press Ctrl+C to stop.");
await emulator.WaitForShutdownAsync().ConfigureAwait(false);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stopped after {emulator.TotalPosts} post(s): {emulator.AcceptedPosts} accepted, {emulator.RejectedPosts} rejected, {emulator.FaultedPosts} faulted."));
return 0;
