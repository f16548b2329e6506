namespace CardGen.Generator.Templates;

/// <summary>
/// A problem found in a template, as plain values so a compilation caches: the rule id, where it is in the template
/// text, the message arguments and, for an unbound name, the member the code fix adds and the closest existing one.
/// </summary>
internal sealed record TemplateDiagnostic(string Id, int Start, int Length, string Message, string? Suggestion = null, string? MissingMember = null, string? MissingMemberType = null, bool IsWarning = false);
