using System;

namespace CardGen.Emulator.Tests;

// Real annotated types: the generator emits their card writers and PostToHookAsync when this project builds.

public enum DeployOutcome { Succeeded, Failed, RolledBack }

[ChatCard(Title = "{Service} {Version} deployed to {Environment}", Summary = "{Service} {Version} is live on {Environment}")]
public sealed partial class DeploymentFinished
{
    [CardFact("Service")] public required string Service { get; init; }
    [CardFact("Version")] public required string Version { get; init; }
    [CardFact("Environment")] public required string Environment { get; init; }
    [CardFact("Outcome")] public DeployOutcome Outcome { get; init; }
    [CardFact("Finished", Format = "yyyy-MM-dd HH:mm")] public DateTimeOffset Finished { get; init; }
    [CardText(IsSubtle = true)] public string? Notes { get; init; }
    [CardAction("Open pipeline")] public Uri? PipelineUrl { get; init; }

    public static DeploymentFinished Sample() => new()
    {
        Service = "billing-api",
        Version = "2.14.1",
        Environment = "production",
        Outcome = DeployOutcome.Succeeded,
        Finished = new DateTimeOffset(2026, 11, 27, 14, 5, 0, TimeSpan.Zero),
        Notes = "Canary at 5% for ten minutes, then full rollout.",
        PipelineUrl = new Uri("https://ci.example.com/pipelines/8812"),
    };
}

/// <summary>A card for a generic 1.5 host: RingCentral (1.3) refuses it (CV004).</summary>
[ChatCard(Title = "Release {Version}", Host = ChatHost.Generic, Version = "1.5")]
public sealed partial class ReleaseNotes
{
    public required string Version { get; init; }
    [CardText(Markdown = true)] public string? Notes { get; init; }
}
