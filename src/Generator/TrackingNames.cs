namespace CardGen.Generator;

/// <summary>Names of the generator's pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Cards = nameof(Cards);
    public const string Parts = nameof(Parts);
    public const string Defaults = nameof(Defaults);
    public const string ResolvedCards = nameof(ResolvedCards);
}
