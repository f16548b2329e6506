namespace CardGen.Outbox.Tests;

/// <summary>A real annotated type: the generator writes its EnqueuePostAsync(IChatHooks, hookName) when this project builds.</summary>
[ChatCard(Title = "Build {BuildNumber} of {Project} failed", Summary = "{Project} is red on {Branch}")]
public sealed partial class BuildFailed
{
    [CardFact("Project")] public required string Project { get; init; }
    [CardFact("Branch")] public required string Branch { get; init; }
    public int BuildNumber { get; init; }

    public static BuildFailed Sample() => new() { Project = "payments-api", Branch = "main", BuildNumber = 1842 };
}
