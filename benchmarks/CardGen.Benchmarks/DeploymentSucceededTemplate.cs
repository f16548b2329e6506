using System;

namespace CardGen.Benchmarks;

/// <summary>
/// <see cref="DeploymentSucceeded"/>'s data with its card designed as a template: the same members, and a template that
/// writes the card the <c>[ChatCard]</c> mapping writes (the date as the host's <c>{{DATE}}</c>/<c>{{TIME}}</c>).
/// </summary>
[ChatCard(TemplateJson = """
    {
      "type": "AdaptiveCard",
      "version": "1.3",
      "body": [
        { "type": "TextBlock", "text": "Deployment ${DeploymentNumber} of ${Service} succeeded", "size": "large", "weight": "bolder", "wrap": true },
        {
          "type": "FactSet",
          "facts": [
            { "title": "Service", "value": "${Service}" },
            { "title": "Environment", "value": "${Environment}" },
            { "title": "Release", "value": "${Release}" },
            { "title": "Commit", "value": "${Commit}" },
            { "title": "Deployed by", "value": "${DeployedBy}" },
            { "title": "Finished", "value": "{{DATE(${formatDateTime(FinishedAt, 'yyyy-MM-ddTHH:mm:ss')}Z, SHORT)}} {{TIME(${formatDateTime(FinishedAt, 'yyyy-MM-ddTHH:mm:ss')}Z)}}" }
          ]
        },
        { "type": "TextBlock", "$when": "${exists(Description)}", "text": "${Description}", "wrap": true },
        { "type": "TextBlock", "$when": "${exists(Note)}", "text": "${Note}", "isSubtle": true, "wrap": true },
        { "type": "Image", "$when": "${exists(DeployerAvatar)}", "url": "${DeployerAvatar}", "altText": "Deployer avatar" }
      ],
      "actions": [
        { "type": "Action.OpenUrl", "title": "Open deployment", "url": "${DeploymentUrl}" },
        { "type": "Action.OpenUrl", "title": "View logs", "url": "${LogsUrl}" }
      ],
      "fallbackText": "${Service} ${Release} is live in ${Environment}"
    }
    """)]
public sealed partial class DeploymentSucceededTemplate
{
    public int DeploymentNumber { get; init; }

    public required string Service { get; init; }

    public DeploymentEnvironment Environment { get; init; }

    public required string Release { get; init; }

    public required string Commit { get; init; }

    public required string DeployedBy { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public string? Description { get; init; }

    public string? Note { get; init; }

    public Uri? DeployerAvatar { get; init; }

    public required Uri DeploymentUrl { get; init; }

    public required Uri LogsUrl { get; init; }

    /// <summary>The same data as the <c>[ChatCard]</c> notification.</summary>
    public static DeploymentSucceededTemplate From(DeploymentSucceeded e) => new()
    {
        DeploymentNumber = e.DeploymentNumber,
        Service = e.Service,
        Environment = e.Environment,
        Release = e.Release,
        Commit = e.Commit,
        DeployedBy = e.DeployedBy,
        FinishedAt = e.FinishedAt,
        Description = e.Description,
        Note = e.Note,
        DeployerAvatar = e.DeployerAvatar,
        DeploymentUrl = e.DeploymentUrl,
        LogsUrl = e.LogsUrl,
    };
}
