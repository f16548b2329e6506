using System;
using CardGen.JiraRelay.Relay;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

// Receives Jira Cloud webhook events (POST /jira) and CI notifications (POST /ci), turns each into a [ChatCard] and
// posts it through IChatHooks to the chat hook its route names (appsettings.json, environment variables). With no
// chat hook configured, the cards go to a webhook emulator started in this process. samples/README.md has the rest.
try
{
    await using var relay = await RelayHost.BuildAsync(args);
    await relay.App.RunAsync();
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or OptionsValidationException)
{
    // A setting is wrong: say which (the messages name hooks and keys, never a webhook URL) and stop.
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
