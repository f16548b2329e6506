using System.Linq;
using CardGen.Cards;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen.Tests.Validation;

/// <summary>One test per validator rule: the rule fires at the right path and severity, and a correct card raises nothing.</summary>
public sealed class ValidatorRuleTests
{
    private const string Wrap = """{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","body":[BODY]}""";

    private static CardValidationResult Body(string body, ValidationTarget? target = null)
        => CardValidator.Validate(Wrap.Replace("BODY", body, System.StringComparison.Ordinal), target ?? ValidationTarget.ForVersion(CardVersion.V1_3));

    private static CardFinding Single(CardValidationResult result, string rule)
    {
        var matches = result.Findings.Where(f => f.RuleId == rule).ToArray();
        Assert.True(matches.Length == 1, $"Expected one {rule}, got:\n{result}");
        return matches[0];
    }

    [Fact]
    public void A_correct_card_raises_nothing()
    {
        var result = Body("""{"type":"TextBlock","text":"Hello","size":"Large","wrap":true},{"type":"FactSet","facts":[{"title":"a","value":"b"}]}""");
        Assert.Empty(result.Findings);
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("{", "line 0")]
    [InlineData("[1,2]", "not an array")]
    [InlineData("", "line 0")]
    public void CV001_malformed_json_is_one_error_not_an_exception(string json, string _)
    {
        var result = CardValidator.Validate(json, HostProfile.Generic);
        var finding = Single(result, CardRules.MalformedJson);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("$", finding.Path);
    }

    [Fact]
    public void CV002_root_type_must_be_AdaptiveCard()
    {
        var finding = Single(CardValidator.Validate("""{"type":"adaptivecard","version":"1.3"}""", CardVersion.V1_3), CardRules.CardType);
        Assert.Equal("$.type", finding.Path);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("""{"type":"AdaptiveCard"}""", "$")]
    [InlineData("""{"type":"AdaptiveCard","version":"one"}""", "$.version")]
    [InlineData("""{"type":"AdaptiveCard","version":1.3}""", "$.version")]
    public void CV003_root_version_is_required_and_must_parse(string json, string path)
        => Assert.Equal(path, Single(CardValidator.Validate(json, CardVersion.V1_3), CardRules.CardVersion).Path);

    [Fact]
    public void CV004_a_card_newer_than_the_host_is_an_error()
    {
        var finding = Single(CardValidator.Validate("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f"}""", HostProfile.RingCentral), CardRules.VersionAboveTarget);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("1.3", finding.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void CV010_unknown_type_is_an_error_with_a_case_hint_and_a_warning_with_a_fallback()
    {
        var error = Single(Body("""{"type":"textblock","text":"x"}"""), CardRules.UnknownType);
        Assert.Equal(FindingSeverity.Error, error.Severity);
        Assert.Equal("$.body[0].type", error.Path);
        Assert.Contains("\"TextBlock\"", error.Message, System.StringComparison.Ordinal);

        var warning = Single(Body("""{"type":"Rating","fallback":{"type":"TextBlock","text":"4 stars"}}"""), CardRules.UnknownType);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);

        var action = Single(CardValidator.Validate("""{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","actions":[{"type":"Action.Nope","title":"x"}]}""", CardVersion.V1_3), CardRules.UnknownType);
        Assert.Equal("$.actions[0].type", action.Path);
    }

    [Fact]
    public void CV011_elements_need_a_type()
        => Assert.Equal("$.body[0]", Single(Body("""{"text":"x"}"""), CardRules.MissingType).Path);

    [Theory]
    [InlineData("""{"type":"Column","items":[]}""", "$.body[0].type")]
    [InlineData("""{"type":"Action.Submit","title":"x"}""", "$.body[0].type")]
    [InlineData("""{"type":"Container","items":[],"selectAction":{"type":"Action.ShowCard","title":"x"}}""", "$.body[0].selectAction.type")]
    [InlineData("""{"type":"ColumnSet","columns":[{"type":"Container","items":[]}]}""", "$.body[0].columns[0].type")]
    public void CV012_types_only_where_allowed(string body, string path)
        => Assert.Equal(path, Single(Body(body), CardRules.TypeNotAllowed).Path);

    [Theory]
    [InlineData("""{"type":"TextBlock"}""", "$.body[0]", "\"text\"")]
    [InlineData("""{"type":"Image"}""", "$.body[0]", "\"url\"")]
    [InlineData("""{"type":"Input.Text"}""", "$.body[0]", "\"id\"")]
    [InlineData("""{"type":"FactSet","facts":[{"title":"a"}]}""", "$.body[0].facts[0]", "\"value\"")]
    public void CV020_required_properties(string body, string path, string property)
    {
        var finding = Single(Body(body, ValidationTarget.ForVersion(CardVersion.V1_3)), CardRules.MissingRequiredProperty);
        Assert.Equal(path, finding.Path);
        Assert.Contains(property, finding.Message, System.StringComparison.Ordinal);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
    }

    [Fact]
    public void CV021_empty_required_collection_is_a_warning()
    {
        var finding = Single(Body("""{"type":"FactSet","facts":[]}"""), CardRules.EmptyCollection);
        Assert.Equal("$.body[0].facts", finding.Path);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void CV022_unknown_property_is_info_generically_and_a_warning_on_a_strict_host()
    {
        Assert.Equal(FindingSeverity.Info, Single(Body("""{"type":"TextBlock","text":"x","colour":"good"}"""), CardRules.UnknownProperty).Severity);
        var strict = Single(Body("""{"type":"TextBlock","text":"x","colour":"good"}""", HostProfile.RingCentral), CardRules.UnknownProperty);
        Assert.Equal(FindingSeverity.Warning, strict.Severity);
        Assert.Equal("$.body[0].colour", strict.Path);
    }

    [Theory]
    [InlineData("""{"type":"TextBlock","text":"x","wrap":"yes"}""", "$.body[0].wrap")]
    [InlineData("""{"type":"TextBlock","text":"x","maxLines":1.5}""", "$.body[0].maxLines")]
    [InlineData("""{"type":"TextBlock","text":5}""", "$.body[0].text")]
    [InlineData("""{"type":"TextBlock","text":"x","wrap":null}""", "$.body[0].wrap")]
    [InlineData("""5""", "$.body[0]")]
    public void CV023_values_of_the_wrong_shape(string body, string path)
        => Assert.Equal(path, Single(Body(body), CardRules.WrongValueKind).Path);

    [Fact]
    public void CV023_schema_nullable_values_may_be_null()
        => Assert.Empty(Body("""{"type":"TextBlock","text":"x","color":null}""").Findings);

    [Fact]
    public void CV030_newer_element_is_an_error_newer_property_a_warning_and_a_fallback_softens_both()
    {
        var table = Single(Body("""{"type":"Table","rows":[]}"""), CardRules.NewerThanTarget);
        Assert.Equal(FindingSeverity.Error, table.Severity);
        Assert.Contains("1.5", table.Message, System.StringComparison.Ordinal);

        var withFallback = Single(Body("""{"type":"Table","rows":[],"fallback":"drop"}"""), CardRules.NewerThanTarget);
        Assert.Equal(FindingSeverity.Warning, withFallback.Severity);

        var style = Single(Body("""{"type":"TextBlock","text":"x","style":"heading"}"""), CardRules.NewerThanTarget);
        Assert.Equal(FindingSeverity.Warning, style.Severity);
        Assert.Equal("$.body[0].style", style.Path);

        var execute = Single(CardValidator.Validate("""{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","actions":[{"type":"Action.Execute","title":"x"}]}""", CardVersion.V1_3), CardRules.NewerThanTarget);
        Assert.Equal(FindingSeverity.Error, execute.Severity);
    }

    [Fact]
    public void CV031_a_feature_newer_than_the_declared_version_is_a_warning()
    {
        var result = CardValidator.Validate("""{"type":"AdaptiveCard","version":"1.0","body":[{"type":"Input.Text","id":"a","label":"Name"}]}""", CardVersion.V1_3);
        var finding = Single(result, CardRules.NewerThanDeclared);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("$.body[0].label", finding.Path);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void CV040_bad_enum_values_are_errors_but_host_styles_only_warnings()
    {
        var size = Single(Body("""{"type":"TextBlock","text":"x","size":"huge"}"""), CardRules.InvalidEnumValue);
        Assert.Equal(FindingSeverity.Error, size.Severity);
        Assert.Contains("extraLarge", size.Message, System.StringComparison.Ordinal);
        Assert.Empty(Body("""{"type":"TextBlock","text":"x","size":"EXTRALARGE"}""").Findings);
        Assert.Equal(FindingSeverity.Warning, Single(Body("""{"type":"Container","items":[],"style":"brand"}"""), CardRules.InvalidEnumValue).Severity);
        Assert.Equal("$.body[0].fallback", Single(Body("""{"type":"TextBlock","text":"x","fallback":"remove"}"""), CardRules.InvalidEnumValue).Path);
    }

    [Theory]
    [InlineData("""{"type":"Container","items":[],"minHeight":"80"}""", "$.body[0].minHeight")]
    [InlineData("""{"type":"Image","url":"https://x/a.png","backgroundColor":"red"}""", "$.body[0].backgroundColor")]
    [InlineData("""{"type":"Image","url":"https://x/a.png","width":"-5px"}""", "$.body[0].width")]
    [InlineData("""{"type":"Image","url":"https://x/a.png","height":"tall"}""", "$.body[0].height")]
    [InlineData("""{"type":"ColumnSet","columns":[{"type":"Column","width":"automatic"}]}""", "$.body[0].columns[0].width")]
    [InlineData("""{"type":"ColumnSet","columns":[{"type":"Column","width":-1}]}""", "$.body[0].columns[0].width")]
    [InlineData("""{"type":"Image","url":"not a url"}""", "$.body[0].url")]
    [InlineData("""{"type":"Image","url":"data:image/png;base64"}""", "$.body[0].url")]
    public void CV041_malformed_formats(string body, string path)
    {
        var finding = Single(Body(body), CardRules.InvalidFormat);
        Assert.Equal(path, finding.Path);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
    }

    [Fact]
    public void CV041_accepts_the_documented_forms()
        => Assert.Empty(Body("""
            {"type":"ColumnSet","columns":[{"type":"Column","width":"auto"},{"type":"Column","width":"50px"},{"type":"Column","width":2},{"type":"Column","width":"3"}]},
            {"type":"Image","url":"https://x/a.png","backgroundColor":"#80FF0000","width":"40px","height":"stretch"},
            {"type":"Image","url":"data:image/png;base64,iVBORw0KGgo="}
            """).Findings);

    [Theory]
    [InlineData("""{"type":"Image","url":"data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'><rect width='8' height='8' fill='red'/></svg>"}""", "$.body[0].url")]
    [InlineData("""{"type":"Container","items":[],"backgroundImage":"data:image/svg+xml,<svg xmlns=\"http://www.w3.org/2000/svg\">\n\t<circle r=\"4\" fill=\"#f00\"/></svg>"}""", "$.body[0].backgroundImage")]
    [InlineData("""{"type":"Image","url":"data:text/plain;charset=utf-8,caf\u00e9 au lait"}""", "$.body[0].url")]
    public void CV041_a_data_uri_with_raw_characters_is_a_warning_because_renderers_show_it(string body, string path)
    {
        var result = Body(body);

        var finding = Single(result, CardRules.InvalidFormat);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(path, finding.Path);
        Assert.True(result.IsValid, result.ToString());
        Assert.Contains("percent-encode", finding.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void CV042_relative_urls_warn_on_hosts_without_a_base()
    {
        var finding = Single(Body("""{"type":"Image","url":"images/a.png"}""", HostProfile.RingCentral), CardRules.RelativeUrl);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.DoesNotContain(Body("""{"type":"Image","url":"images/a.png"}""").Findings, f => f.RuleId == CardRules.RelativeUrl);
    }

    [Fact]
    public void CV050_duplicate_ids_but_fallback_content_may_reuse_the_replaced_id()
    {
        var finding = Single(Body("""{"type":"TextBlock","text":"a","id":"x"},{"type":"Input.Text","id":"x"}"""), CardRules.DuplicateId);
        Assert.Equal("$.body[1].id", finding.Path);
        Assert.Contains("$.body[0]", finding.Message, System.StringComparison.Ordinal);

        Assert.DoesNotContain(
            Body("""{"type":"Rating","id":"x","fallback":{"type":"TextBlock","id":"x","text":"4 stars"}}""").Findings,
            f => f.RuleId == CardRules.DuplicateId);
    }

    [Fact]
    public void CV060_actions_the_host_does_not_support()
    {
        var card = """{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","actions":[{"type":"Action.Submit","title":"Go"}]}""";
        var submit = Single(CardValidator.Validate(card, HostProfile.RingCentral), CardRules.ActionNotSupported);
        Assert.Equal(FindingSeverity.Warning, submit.Severity);
        Assert.Contains("nowhere", submit.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain(CardValidator.Validate(card, HostProfile.Generic).Findings, f => f.RuleId == CardRules.ActionNotSupported);
    }

    [Fact]
    public void CV061_inputs_do_nothing_on_a_RingCentral_incoming_webhook()
        => Assert.Equal(FindingSeverity.Warning, Single(Body("""{"type":"Input.Text","id":"a"}""", HostProfile.RingCentral), CardRules.InputHasNoEffect).Severity);

    [Fact]
    public void CV062_show_cards_nested_deeper_than_the_host_shows()
    {
        var card = """{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","actions":[{"type":"Action.ShowCard","title":"1","card":{"type":"AdaptiveCard","actions":[{"type":"Action.ShowCard","title":"2","card":{"type":"AdaptiveCard"}}]}}]}""";
        var finding = Single(CardValidator.Validate(card, HostProfile.RingCentral), CardRules.ShowCardTooDeep);
        Assert.Equal("$.actions[0].card.actions[0]", finding.Path);
        Assert.DoesNotContain(CardValidator.Validate(card, HostProfile.Generic).Findings, f => f.RuleId == CardRules.ShowCardTooDeep);
    }

    [Fact]
    public void CV063_too_many_actions()
    {
        var actions = string.Join(",", Enumerable.Range(1, 6).Select(i => $$"""{"type":"Action.OpenUrl","title":"{{i}}","url":"https://x/{{i}}"}"""));
        var finding = Single(CardValidator.Validate($$"""{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","actions":[{{actions}}]}""", HostProfile.RingCentral), CardRules.TooManyActions);
        Assert.Equal("$.actions", finding.Path);
        Assert.Equal("$.body[0].actions", Single(Body($$"""{"type":"ActionSet","actions":[{{actions}}]}"""), CardRules.TooManyActions).Path);
    }

    [Fact]
    public void CV064_missing_fallback_text_on_RingCentral()
    {
        var finding = Single(CardValidator.Validate("""{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"x"}]}""", HostProfile.RingCentral), CardRules.MissingFallbackText);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void CV065_an_element_the_host_drops_is_an_error_or_with_a_fallback_a_warning()
    {
        const string Media = """{"type":"Media","sources":[{"mimeType":"video/mp4","url":"https://example.com/demo.mp4"}]}""";
        var dropped = Single(Body(Media, HostProfile.Teams), CardRules.ElementNotSupported);
        var caught = Single(Body(Media.Replace("{\"type\":\"Media\",", "{\"type\":\"Media\",\"fallback\":{\"type\":\"TextBlock\",\"text\":\"demo\"},", System.StringComparison.Ordinal), HostProfile.Teams), CardRules.ElementNotSupported);

        Assert.Equal((FindingSeverity.Error, "$.body[0].type"), (dropped.Severity, dropped.Path));
        Assert.Contains("Teams does not render Media", dropped.Message, System.StringComparison.Ordinal);
        Assert.Equal(FindingSeverity.Warning, caught.Severity);
        Assert.DoesNotContain(Body(Media, HostProfile.Generic).Findings, f => f.RuleId == CardRules.ElementNotSupported);
    }

    [Fact]
    public void The_Teams_profile_renders_1_5_and_checks_its_actions_and_inputs()
    {
        var card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Table","columns":[{"width":1}],"rows":[]},{"type":"Input.Text","id":"a","label":"A"}],"actions":[{"type":"Action.Execute","title":"Run"},{"type":"Action.Submit","title":"Send"}],"msteams":{"width":"Full"}}""";
        var result = CardValidator.Validate(card, HostProfile.Teams);

        Assert.DoesNotContain(result.Findings, f => f.RuleId is CardRules.VersionAboveTarget or CardRules.NewerThanTarget or CardRules.MissingFallbackText);
        Assert.Equal(FindingSeverity.Error, result.Findings.Single(f => f.Path == "$.actions[0].type").Severity);
        Assert.Equal(FindingSeverity.Warning, result.Findings.Single(f => f.Path == "$.actions[1].type").Severity);
        Assert.Equal(FindingSeverity.Warning, Single(result, CardRules.InputHasNoEffect).Severity);
        Assert.Equal(FindingSeverity.Info, Single(result, CardRules.UnknownProperty).Severity); // msteams, Teams' own extension
        Assert.Equal(FindingSeverity.Error, Single(CardValidator.Validate(card.Replace("\"1.5\"", "\"1.6\"", System.StringComparison.Ordinal), HostProfile.Teams), CardRules.VersionAboveTarget).Severity);
    }

    [Fact]
    public void CV070_refresh_action_must_be_execute()
        => Assert.Equal(
            "$.refresh.action",
            Single(CardValidator.Validate("""{"type":"AdaptiveCard","version":"1.4","refresh":{"action":{"type":"Action.Submit","title":"x"}}}""", CardVersion.V1_4), CardRules.RefreshActionNotExecute).Path);

    [Fact]
    public void CV071_required_inputs_need_a_label_and_an_error_message()
    {
        Assert.Contains("label", Single(Body("""{"type":"Input.Text","id":"a","isRequired":true}"""), CardRules.RequiredInputWithoutLabel).Message, System.StringComparison.Ordinal);
        Assert.Contains("errorMessage", Single(Body("""{"type":"Input.Text","id":"a","isRequired":true,"label":"Name"}"""), CardRules.RequiredInputWithoutLabel).Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void CV072_toggle_targets_must_exist()
    {
        var finding = Single(
            CardValidator.Validate("""{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","body":[{"type":"TextBlock","text":"a","id":"real"}],"actions":[{"type":"Action.ToggleVisibility","title":"t","targetElements":["real",{"elementId":"ghost"}]}]}""", CardVersion.V1_3),
            CardRules.ToggleTargetNotFound);
        Assert.Equal("$.actions[0].targetElements[1].elementId", finding.Path);
    }

    [Theory]
    [InlineData("""{"type":"Input.Text","id":"a"}""", "$.body[0].pages[0].items[1]")]
    [InlineData("""{"type":"Input.Toggle","id":"a","title":"t","fallback":{"type":"TextBlock","text":"no toggle"}}""", "$.body[0].pages[0].items[1]")]
    [InlineData("""{"type":"Container","items":[{"type":"ColumnSet","columns":[{"items":[{"type":"Input.ChoiceSet","id":"c","choices":[{"title":"a","value":"a"}]}]}]}]}""", "$.body[0].pages[0].items[1].items[0].columns[0].items[0]")]
    [InlineData("""{"type":"Media","sources":[{"url":"https://x/a.mp4","mimeType":"video/mp4"}]}""", "$.body[0].pages[0].items[1]")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"o","url":"https://x/o"}]}""", "$.body[0].pages[0].items[1]")]
    [InlineData("""{"type":"Carousel","pages":[{"type":"CarouselPage","items":[{"type":"TextBlock","text":"inner"}]}]}""", "$.body[0].pages[0].items[1]")]
    [InlineData("""{"type":"Container","items":[{"type":"TextBlock","text":"t"}],"selectAction":{"type":"Action.ToggleVisibility","targetElements":["x"]}}""", "$.body[0].pages[0].items[1].selectAction")]
    public void CV073_what_the_renderer_drops_inside_a_carousel(string item, string path)
    {
        var card = $$$"""
            {"type":"AdaptiveCard","version":"1.6","body":[
              {"type":"Carousel","pages":[{"type":"CarouselPage","items":[{"type":"TextBlock","text":"p","id":"x"},{{{item}}}]}]},
              {"type":"Input.Text","id":"outside"},{"type":"ActionSet","actions":[{"type":"Action.ShowCard","title":"s","card":{"type":"AdaptiveCard"}}]}
            ]}
            """;

        var finding = Single(CardValidator.Validate(card, CardVersion.V1_6), CardRules.NotAllowedInCarousel);

        Assert.Equal(path, finding.Path);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("$.body[0]", finding.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CV073_is_not_reported_inside_a_carousel_the_target_does_not_render(bool withFallback)
    {
        // On RingCentral (1.3) the Carousel itself is CV030 (an error, or a warning with a fallback): the host drops it
        // whole, so what it holds is not reported again, once per input.
        var fallback = withFallback ? ""","fallback":{"type":"TextBlock","text":"no carousel"}""" : string.Empty;
        var card = $$$"""
            {"type":"AdaptiveCard","version":"1.3","fallbackText":"f","body":[
              {"type":"Carousel","pages":[{"type":"CarouselPage","items":[{"type":"Input.Text","id":"a"},{"type":"Input.Toggle","id":"b","title":"t"},{"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"o","url":"https://x/o"}]}]}]{{{fallback}}}}
            ]}
            """;

        var result = CardValidator.Validate(card, HostProfile.RingCentral);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == CardRules.NotAllowedInCarousel);
        var carousel = Single(result, CardRules.NewerThanTarget);
        Assert.Equal("$.body[0].type", carousel.Path);
        Assert.Equal(withFallback ? FindingSeverity.Warning : FindingSeverity.Error, carousel.Severity);

        // The same card at 1.6, where the Carousel renders, reports each of the three.
        var at16 = CardValidator.Validate(card.Replace("\"1.3\"", "\"1.6\"", System.StringComparison.Ordinal), CardVersion.V1_6);
        Assert.Equal(3, at16.Findings.Count(f => f.RuleId == CardRules.NotAllowedInCarousel));
    }

    [Fact]
    public void CV073_a_carousel_of_text_and_images_raises_nothing()
        => Assert.Empty(CardValidator.Validate(
            """{"type":"AdaptiveCard","version":"1.6","body":[{"type":"Carousel","pages":[{"type":"CarouselPage","items":[{"type":"TextBlock","text":"a"},{"type":"Image","url":"https://x/a.png"}],"selectAction":{"type":"Action.OpenUrl","url":"https://x/a"}}]}]}""",
            CardVersion.V1_6).Findings);

    [Fact]
    public void Model_validation_and_json_validation_agree()
    {
        var card = new AdaptiveCard(CardVersion.V1_3) { Body = { new TextBlock("x") { Style = TextBlockStyle.Heading } } };
        var fromModel = card.Validate(HostProfile.RingCentral).Findings.Select(f => f.ToString());
        var fromJson = CardValidator.Validate(card.ToJson(), HostProfile.RingCentral).Findings.Select(f => f.ToString());
        Assert.Equal(fromJson, fromModel);
        Assert.Contains(fromModel, f => f.Contains(CardRules.NewerThanTarget, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_card_that_contains_itself_is_reported_not_thrown()
    {
        var container = new Container();
        container.Items.Add(container);
        var result = new AdaptiveCard(CardVersion.V1_3) { Body = { container } }.Validate(HostProfile.Generic);
        Assert.Equal(CardRules.MalformedJson, Assert.Single(result.Findings).RuleId);
    }
}
