namespace CardGen.Generator;

/// <summary>Names of the generator's pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Cards = nameof(Cards);
    public const string Parts = nameof(Parts);
    public const string Defaults = nameof(Defaults);
    public const string ResolvedCards = nameof(ResolvedCards);
    public const string TemplateCards = nameof(TemplateCards);
    public const string TemplateFiles = nameof(TemplateFiles);
    public const string TemplateInputs = nameof(TemplateInputs);
    public const string TemplateOutputs = nameof(TemplateOutputs);
}
