using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CardGen.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using static CardGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace CardGen.Generator.Analyzers;

/// <summary>
/// Checks what <c>AddElement</c> and <c>AddAction</c> add to a generated card builder: each created CardGen.Cards
/// object, every property set in its initializer and every enum value, against the schema catalog for the card's
/// version (CARDGEN005) and host (006); literals (007); ids used twice along one builder chain (008); and actions
/// beyond what the host shows, counting the card's own [CardAction] members (011). The same
/// holds inside a <c>Configure(b => …)</c> callback, where the card's <c>CardBuilder</c> is the callback's parameter and
/// ids are compared across the callback's statements.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BuilderCallAnalyzer : DiagnosticAnalyzer
{
    private static readonly Dictionary<string, string> SchemaTypeNames = new(System.StringComparer.Ordinal)
    {
        ["TextInput"] = SchemaCatalog.TypeNames.InputText,
        ["NumberInput"] = SchemaCatalog.TypeNames.InputNumber,
        ["DateInput"] = SchemaCatalog.TypeNames.InputDate,
        ["TimeInput"] = SchemaCatalog.TypeNames.InputTime,
        ["ToggleInput"] = SchemaCatalog.TypeNames.InputToggle,
        ["ChoiceSetInput"] = SchemaCatalog.TypeNames.InputChoiceSet,
        ["Choice"] = SchemaCatalog.TypeNames.InputChoice,
        ["DataQuery"] = SchemaCatalog.TypeNames.DataQuery,
        ["OpenUrlAction"] = SchemaCatalog.TypeNames.OpenUrl,
        ["SubmitAction"] = SchemaCatalog.TypeNames.Submit,
        ["ShowCardAction"] = SchemaCatalog.TypeNames.ShowCard,
        ["ToggleVisibilityAction"] = SchemaCatalog.TypeNames.ToggleVisibility,
        ["ExecuteAction"] = SchemaCatalog.TypeNames.Execute,
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        FeatureNeedsNewerVersion, HostDoesNotSupport, InvalidLiteral, DuplicateId, HostPresentation);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CardGenSymbols.TryCreate(start.Compilation, start.Options) is not { ChatCardBuilder: { } builder, CardObject: { } cardObject } symbols)
            {
                return;
            }

            // A syntax action with a name check, not an operation action: an operation action makes the compiler build
            // operation trees for every method body in the project, which cost more than everything these checks do.
            // What each block's statements add, worked out once per block (not again for every call in it).
            var blocks = new System.Collections.Concurrent.ConcurrentDictionary<BlockSyntax, BlockAdds>();
            start.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, symbols, builder, cardObject, blocks), SyntaxKind.InvocationExpression);
        });
    }

    private static void AnalyzeInvocation(
        SyntaxNodeAnalysisContext context,
        CardGenSymbols symbols,
        INamedTypeSymbol builder,
        INamedTypeSymbol cardObject,
        System.Collections.Concurrent.ConcurrentDictionary<BlockSyntax, BlockAdds> blocks)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (AddedName(syntax) is null
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation)
        {
            return;
        }

        INamedTypeSymbol builderType;
        INamedTypeSymbol cardType;
        if (IsAddCall(invocation, builder) && invocation.TargetMethod.ContainingType.TypeArguments[0] is INamedTypeSymbol { ContainingType: { } generatedFor })
        {
            builderType = builder;
            cardType = generatedFor;
        }
        else if (symbols.CardBuilder is { } cardBuilder
            && IsAddCall(invocation, cardBuilder)
            && EnclosingConfigureCallback(context.SemanticModel, syntax, builder, context.CancellationToken) is var (parameter, configuredCard)
            && SymbolEqualityComparer.Default.Equals(ChainRoot(invocation, cardBuilder), parameter))
        {
            // Inside b.Configure(c => ...): what is added to c goes into the card b builds.
            builderType = cardBuilder;
            cardType = configuredCard;
        }
        else
        {
            return;
        }

        var target = symbols.GetTarget(cardType);
        if (target.State == CardTargetState.None)
        {
            return;
        }

        var walker = new Walker(context.ReportDiagnostic, target, cardObject, cardType.Name, report: true);
        walker.Visit(invocation.Arguments[0].Value);
        var isAction = invocation.TargetMethod.Name == "AddAction";
        var countActions = isAction && target.IsValid && target.Resolved.Profiles.Count > 0;
        if (walker.Ids is not { Count: > 0 } && !countActions)
        {
            return;
        }

        var (earlierIds, earlierActions) = EarlierAdds(context, syntax, invocation, builderType, cardObject, blocks);
        if (countActions)
        {
            // The card's [CardAction] members come first, then what the builder adds; once for each host it overflows.
            var actions = symbols.GetMemberActionCount(cardType, context.CancellationToken) + earlierActions + 1;
            foreach (var profile in target.Resolved.Profiles)
            {
                if (actions == profile.MaxActions + 1)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        HostPresentation,
                        syntax.GetLocation(),
                        cardType.Name,
                        $"has more than {profile.MaxActions} actions; {profile.Name} shows at most {profile.MaxActions} in a row and drops the rest"));
                }
            }
        }

        if (walker.Ids is not { Count: > 0 } ids)
        {
            return;
        }

        var seen = new HashSet<string>(earlierIds, System.StringComparer.Ordinal);
        foreach (var (id, location) in ids)
        {
            if (!seen.Add(id))
            {
                context.ReportDiagnostic(Diagnostic.Create(DuplicateId, location, id));
            }
        }
    }

    private static string? AddedName(InvocationExpressionSyntax syntax)
    {
        var name = syntax.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
        return name is "AddElement" or "AddAction" ? name : null;
    }

    /// <summary>
    /// The literal ids and the number of actions added to the same card before <paramref name="invocation"/>: earlier
    /// along its fluent chain (<c>b.AddElement(x).AddElement(y)</c>), and, when the chain starts at a local or a
    /// parameter, by the statements before it in the same block (<c>b.AddElement(x); b.AddElement(y);</c>) since the
    /// variable last got a new builder. Calls inside nested blocks (a branch, a loop body) or callbacks are not
    /// counted: they need not run.
    /// </summary>
    private static (List<string> Ids, int Actions) EarlierAdds(
        SyntaxNodeAnalysisContext context,
        InvocationExpressionSyntax syntax,
        IInvocationOperation invocation,
        INamedTypeSymbol builderType,
        INamedTypeSymbol cardObject,
        System.Collections.Concurrent.ConcurrentDictionary<BlockSyntax, BlockAdds> blocks)
    {
        var ids = new List<string>();
        var actions = 0;
        for (var receiver = Unwrap(invocation.Instance); receiver is IInvocationOperation previous && ReturnsBuilder(previous, builderType); receiver = Unwrap(previous.Instance))
        {
            if (IsAddCall(previous, builderType))
            {
                ids.AddRange(CollectIds(previous, cardObject));
                actions += previous.TargetMethod.Name == "AddAction" ? 1 : 0;
            }
        }

        if (ChainRoot(invocation, builderType) is not { } root
            || syntax.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } statement)
        {
            return (ids, actions);
        }

        var adds = blocks.GetOrAdd(block, b => BlockAdds.Create(b, context.SemanticModel, cardObject, context.CancellationToken));
        var index = block.Statements.IndexOf(statement);
        var from = 0;
        foreach (var (at, reset) in adds.Resets)
        {
            if (at < index && SymbolEqualityComparer.Default.Equals(reset, root))
            {
                from = at + 1;
            }
        }

        foreach (var call in adds.Calls)
        {
            if (call.Statement >= from && call.Statement < index
                && SymbolEqualityComparer.Default.Equals(call.Root, root)
                && SymbolEqualityComparer.Default.Equals(call.BuilderType, builderType))
            {
                ids.AddRange(call.Ids);
                actions += call.IsAction ? 1 : 0;
            }
        }

        return (ids, actions);
    }

    private static List<string> CollectIds(IInvocationOperation addCall, INamedTypeSymbol cardObject)
    {
        var collector = new Walker(static _ => { }, CardTarget.None, cardObject, string.Empty, report: false);
        collector.Visit(addCall.Arguments[0].Value);
        return collector.Ids?.Select(i => i.Id).ToList() ?? new List<string>();
    }

    /// <summary>The local or parameter a chain of builder calls starts at, or null when it starts elsewhere (for example <c>card.ToCardBuilder()</c>).</summary>
    private static ISymbol? ChainRoot(IInvocationOperation invocation, INamedTypeSymbol builderType)
    {
        var receiver = Unwrap(invocation.Instance);
        while (receiver is IInvocationOperation previous && ReturnsBuilder(previous, builderType))
        {
            receiver = Unwrap(previous.Instance);
        }

        return receiver switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }

    /// <summary>Whether the call is one of the builder's own fluent methods (it returns the builder it is called on).</summary>
    private static bool ReturnsBuilder(IInvocationOperation invocation, INamedTypeSymbol builderType)
        => invocation.Instance is not null
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType.OriginalDefinition, builderType)
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, Unwrap(invocation.Instance)?.Type);

    /// <summary>The parameter of the nearest enclosing callback given to a generated builder's <c>Configure</c>, and the card type.</summary>
    private static (IParameterSymbol Parameter, INamedTypeSymbol CardType)? EnclosingConfigureCallback(
        SemanticModel model,
        SyntaxNode node,
        INamedTypeSymbol builder,
        System.Threading.CancellationToken cancellationToken)
    {
        var callback = node.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>();
        if (callback is not { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax configure } } }
            || configure.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Configure" }
            || model.GetOperation(configure, cancellationToken) is not IInvocationOperation { TargetMethod: { Name: "Configure" } method }
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, builder)
            || method.ContainingType.TypeArguments[0] is not INamedTypeSymbol { ContainingType: { } cardType }
            || model.GetSymbolInfo(callback, cancellationToken).Symbol is not IMethodSymbol { Parameters.Length: 1 } lambda)
        {
            return null;
        }

        return (lambda.Parameters[0], cardType);
    }

    private static bool IsAddCall(IInvocationOperation invocation, INamedTypeSymbol builder)
        => invocation.TargetMethod is { Name: "AddElement" or "AddAction", Parameters.Length: 1 } method
            && SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, builder)
            && invocation.Arguments.Length == 1;

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => operation,
            };
        }

        return operation;
    }

    internal static string JsonName(string property) => property switch
    {
        "ChoicesData" => "choices.data",
        "Schema" => "$schema",
        _ => char.ToLowerInvariant(property[0]) + property.Substring(1),
    };

    private static string EnumName(string type) => type switch
    {
        "TextColor" => SchemaCatalog.EnumNames.Colors,
        "ElementHeight" => SchemaCatalog.EnumNames.BlockElementHeight,
        _ => type,
    };

    /// <summary>The Add calls a block's own statements make (not nested blocks or callbacks), and where a variable gets a new value.</summary>
    private sealed class BlockAdds
    {
        private BlockAdds(List<(int Statement, ISymbol Root, INamedTypeSymbol BuilderType, bool IsAction, List<string> Ids)> calls, List<(int Statement, ISymbol Variable)> resets)
        {
            Calls = calls;
            Resets = resets;
        }

        public List<(int Statement, ISymbol Root, INamedTypeSymbol BuilderType, bool IsAction, List<string> Ids)> Calls { get; }

        public List<(int Statement, ISymbol Variable)> Resets { get; }

        public static BlockAdds Create(BlockSyntax block, SemanticModel model, INamedTypeSymbol cardObject, System.Threading.CancellationToken cancellationToken)
        {
            var calls = new List<(int, ISymbol, INamedTypeSymbol, bool, List<string>)>();
            var resets = new List<(int, ISymbol)>();
            for (var i = 0; i < block.Statements.Count; i++)
            {
                var statement = block.Statements[i];
                foreach (var node in statement.DescendantNodes(n => n == statement || n is not (StatementSyntax or AnonymousFunctionExpressionSyntax)))
                {
                    if (node is InvocationExpressionSyntax call
                        && AddedName(call) is not null
                        && model.GetOperation(call, cancellationToken) is IInvocationOperation { TargetMethod: { Parameters.Length: 1 } method } add
                        && add.Arguments.Length == 1
                        && method.ContainingType.OriginalDefinition is INamedTypeSymbol builderType
                        && ReturnsBuilder(add, builderType)
                        && ChainRoot(add, builderType) is { } root)
                    {
                        calls.Add((i, root, builderType, method.Name == "AddAction", CollectIds(add, cardObject)));
                    }
                }

                // Any assignment to a variable, also in a nested block, may give it a new builder: compare nothing across it.
                foreach (var assignment in statement.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>())
                {
                    if (assignment.Left is IdentifierNameSyntax name && model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol)
                    {
                        resets.Add((i, model.GetSymbolInfo(name, cancellationToken).Symbol!));
                    }
                }
            }

            return new BlockAdds(calls, resets);
        }
    }

    /// <summary>Walks an added object and what it contains.</summary>
    private sealed class Walker
    {
        private readonly System.Action<Diagnostic> _reportDiagnostic;
        private readonly CardTarget _target;
        private readonly INamedTypeSymbol _cardObject;
        private readonly string _cardName;
        private readonly bool _report;

        // Inside an object already reported as too new or unsupported, nothing is reported as too new or unsupported
        // again: what it holds goes away with it (a Table's rows and cells), so one mistake shows as one error.
        private int _insideReported;

        public Walker(System.Action<Diagnostic> reportDiagnostic, CardTarget target, INamedTypeSymbol cardObject, string cardName, bool report)
        {
            _reportDiagnostic = reportDiagnostic;
            _target = target;
            _cardObject = cardObject;
            _cardName = cardName;
            _report = report;
        }

        public List<(string Id, Location Location)>? Ids { get; private set; }

        public void Visit(IOperation? operation)
        {
            operation = Unwrap(operation);
            switch (operation)
            {
                case IObjectCreationOperation creation when IsCardType(creation.Type):
                    VisitCreation(creation);
                    break;
                case IObjectCreationOperation collection:
                    VisitInitializer(collection.Initializer, null);
                    break;
                case IArrayCreationOperation array when array.Initializer is { } initializer:
                    foreach (var element in initializer.ElementValues)
                    {
                        Visit(element);
                    }

                    break;
            }
        }

        private bool IsCardType(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _cardObject))
                {
                    return true;
                }
            }

            return false;
        }

        private void VisitCreation(IObjectCreationOperation creation)
        {
            var type = creation.Type!;
            var schemaName = SchemaTypeNames.TryGetValue(type.Name, out var mapped) ? mapped : type.Name;
            if (!SchemaCatalog.TryGetType(schemaName, out var spec))
            {
                VisitInitializer(creation.Initializer, null);
                return;
            }

            var reported = _report && CheckType(creation, spec);
            _insideReported += reported ? 1 : 0;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && spec.TryGetProperty(parameter.Name, out var property))
                {
                    CheckValue(spec, property, argument.Value, argument.Syntax, removable: false);
                }
                else
                {
                    Visit(argument.Value);
                }
            }

            VisitInitializer(creation.Initializer, spec);
            _insideReported -= reported ? 1 : 0;
        }

        private void VisitInitializer(IObjectOrCollectionInitializerOperation? initializer, CardTypeSpec? spec)
        {
            if (initializer is null)
            {
                return;
            }

            foreach (var item in initializer.Initializers)
            {
                switch (item)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation reference } assignment:
                        if (spec is not null && spec.TryGetProperty(JsonName(reference.Property.Name), out var property))
                        {
                            CheckValue(spec, property, assignment.Value, assignment.Syntax, removable: assignment.Syntax is AssignmentExpressionSyntax);
                        }
                        else
                        {
                            Visit(assignment.Value);
                        }

                        break;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation member } nested:
                        if (_report && spec is not null && spec.TryGetProperty(JsonName(member.Property.Name), out var nestedProperty) && nestedProperty.Since > spec.Since)
                        {
                            CheckSince(nestedProperty.Since, $"{spec.Name}.{nestedProperty.Name}", nested.Syntax, RemoveAssignment);
                        }

                        VisitInitializer(nested.Initializer, null);
                        break;
                    case IInvocationOperation add:
                        foreach (var argument in add.Arguments)
                        {
                            Visit(argument.Value);
                        }

                        break;
                }
            }
        }

        /// <summary>Reports the type if it is too new for the card or its host does not support it; returns whether it did.</summary>
        private bool CheckType(IObjectCreationOperation creation, CardTypeSpec spec)
        {
            var removable = creation.Syntax.Parent is InitializerExpressionSyntax
                || creation.Syntax.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax };
            var reported = CheckSince(spec.Since, spec.Name, creation.Syntax, removable ? RemoveElement : null);
            if (_insideReported > 0 || (spec.Role != CardTypeRole.Action && spec.Role != CardTypeRole.Element))
            {
                return reported;
            }

            // Once for each host the card is declared for that cannot do it.
            var unsupported = false;
            foreach (var profile in _target.Resolved.Profiles)
            {
                HostSupport support;
                string? reason;
                if (spec.Role == CardTypeRole.Action)
                {
                    support = profile.GetActionSupport(spec.Name, out reason);
                }
                else if (spec.IsInput)
                {
                    support = profile.InputSupport;
                    reason = profile.InputReason;
                }
                else
                {
                    support = profile.GetElementSupport(spec.Name, out reason);
                }

                if (support != HostSupport.Supported)
                {
                    _reportDiagnostic(Diagnostic.Create(
                        HostDoesNotSupport,
                        creation.Syntax.GetLocation(),
                        support == HostSupport.NoEffect ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
                        additionalLocations: null,
                        properties: null,
                        spec.Name,
                        profile.Name,
                        reason ?? "the host does not support it"));
                    unsupported = true;
                }
            }

            return reported || unsupported;
        }

        private void CheckValue(CardTypeSpec type, PropertySpec property, IOperation value, SyntaxNode syntax, bool removable)
        {
            var unwrapped = Unwrap(value);
            var constant = value.ConstantValue.HasValue || unwrapped is null ? value.ConstantValue : unwrapped.ConstantValue; // an enum converted to its nullable type has no constant itself
            if (constant.HasValue && constant.Value is null)
            {
                return; // null: not written
            }

            if (property.Name == "id" && constant.HasValue && constant.Value is string id)
            {
                (Ids ??= new List<(string, Location)>()).Add((id, value.Syntax.GetLocation()));
            }

            if (!_report)
            {
                Visit(value);
                return;
            }

            var required = property.Since;
            var feature = $"{type.Name}.{property.Name}";
            if (constant.HasValue && IsDefault(property, unwrapped?.Type ?? value.Type, constant.Value))
            {
                return; // the default is not written
            }

            if (property.Kind == PropertyKind.Enum && property.EnumType is { } enumName && constant.Value is int index
                && SchemaCatalog.TryGetEnum(enumName, out var enumSpec))
            {
                if (index < 0 || index >= enumSpec.Values.Count)
                {
                    Report(InvalidLiteral, value.Syntax.GetLocation(), $"The {property.Name} value {index}", $"it is not a value of {enumName}");
                    return;
                }

                var enumValue = enumSpec.Values[index];
                if (enumValue.Since > required)
                {
                    required = enumValue.Since;
                    feature = $"The {type.Name} {property.Name} '{enumValue.Name}'";
                }
            }

            if (required > type.Since)
            {
                CheckSince(required, feature, syntax, removable ? RemoveAssignment : null); // a type too new is reported once, as a whole
            }

            if (constant.HasValue && constant.Value is string text)
            {
                CheckLiteral(type, property, text, value.Syntax.GetLocation());
            }
            else if (property.Kind is PropertyKind.ColumnWidth or PropertyKind.WeightOrPixels
                && constant.Value is int or long or float or double or decimal
                && System.Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture) is var weight
                && !(weight > 0 && !double.IsInfinity(weight)))
            {
                Report(InvalidLiteral, value.Syntax.GetLocation(), $"The {type.Name} {property.Name} weight {weight.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "a weight must be positive");
            }

            Visit(value);
        }

        private static bool IsDefault(PropertySpec property, ITypeSymbol? type, object? value)
        {
            if (property.DefaultValue is not { } defaultValue)
            {
                return false;
            }

            return value switch
            {
                bool b => defaultValue == (b ? "true" : "false"),
                int i when property.Kind == PropertyKind.Enum && property.EnumType is { } e && SchemaCatalog.TryGetEnum(e, out var spec) && i >= 0 && i < spec.Values.Count
                    => defaultValue == "\"" + spec.Values[i].Name + "\"",
                _ => false,
            };
        }

        private void CheckLiteral(CardTypeSpec type, PropertySpec property, string text, Location location)
        {
            string? problem = null;
            switch (property.Kind)
            {
                case PropertyKind.Url:
                    if (!CardFormats.IsUrl(text))
                    {
                        problem = "it is not a URL";
                    }
                    else if (!CardFormats.IsAbsoluteUrl(text) && _target.Resolved.Profiles.Where(p => p.RequiresAbsoluteUrls).Select(p => p.Name).ToList() is { Count: > 0 } strict)
                    {
                        problem = strict.Count == 1
                            ? $"{strict[0]} has no base URL to resolve a relative URL against; use an absolute http(s) URL"
                            : $"{string.Join(" and ", strict)} have no base URL to resolve a relative URL against; use an absolute http(s) URL";
                    }

                    break;
                case var kind when CardFormats.TryGetTextRule(kind, out var isValid, out var expected) && !isValid(text):
                    // The validator's own rule and wording (a number, where allowed, is a weight and not text).
                    problem = $"it must be {expected}";
                    break;
                case PropertyKind.String when property.Name == "title" && type.Role == CardTypeRole.Action && string.IsNullOrWhiteSpace(text):
                    problem = "an action needs a title, or its button is blank";
                    break;
            }

            if (problem is not null)
            {
                Report(InvalidLiteral, location, $"The {type.Name} {property.Name} \"{text}\"", problem);
            }
        }

        private bool CheckSince(CardVersion required, string feature, SyntaxNode syntax, string? remove)
        {
            if (!_target.IsValid || required <= _target.Version || _insideReported > 0)
            {
                return false;
            }

            var properties = _target.VersionProperties(required).Add(FeatureProperty, feature).Add(RemoveProperty, remove);
            _reportDiagnostic(Diagnostic.Create(
                FeatureNeedsNewerVersion,
                syntax.GetLocation(),
                _target.AdditionalLocations,
                properties,
                feature,
                required.ToString(),
                _cardName,
                _target.Version.ToString(),
                CardReader.HostNote(_target, required)));
            return true;
        }

        private void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
            => _reportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
    }
}
