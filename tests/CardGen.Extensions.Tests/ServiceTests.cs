using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CardGen.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CardGen.Extensions.Tests;

/// <summary>
/// <c>AddChatHooks</c> in a generic host, posting to the real emulator over HTTP: hooks and options bound from
/// configuration or set in code, checked at start-up, found by name, and reloaded with the configuration.
/// </summary>
public sealed class ServiceTests : IAsyncLifetime
{
    private HookEmulator _emulator = null!;

    private string Token => _emulator.DefaultHookId;

    private string Url => _emulator.DefaultHook.RevealUri().AbsoluteUri;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { DefaultHookId = Guid.NewGuid().ToString() });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    internal static IHost Build(IConfiguration configuration, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddChatHooks(builder.Configuration.GetSection("ChatHooks"));
        configure?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }

    internal static IConfigurationRoot Config(params (string Key, string? Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public async Task A_hook_bound_from_configuration_takes_messages_and_generated_cards_by_name()
    {
        using var host = Build(Config(("ChatHooks:Hooks:builds:Url", Url)));
        await host.StartAsync();
        var hooks = host.Services.GetRequiredService<IChatHooks>();

        Assert.Equal(new[] { "builds" }, hooks.Names);
        var text = await hooks.PostAsync("builds", new WebhookMessage { Text = "Deploy finished" });
        var card = await BuildFailed.Sample().PostToHookAsync(hooks, "BUILDS");

        Assert.Equal(200, text.StatusCode);
        Assert.Equal(200, card.StatusCode);
        Assert.Equal(2, _emulator.AcceptedPosts);
        var posted = _emulator.Posts.Single(p => p.Body.Contains("attachments", StringComparison.Ordinal));
        Assert.Contains("Build 1842 of payments-api failed", posted.Body, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task One_card_type_posts_to_a_RingCentral_hook_and_a_Teams_hook_side_by_side_each_in_its_hosts_envelope()
    {
        var teams = _emulator.GetUrl(_emulator.DefaultHookId, HookRoute.Teams).RevealUri().AbsoluteUri;
        using var host = Build(Config(("ChatHooks:Hooks:builds:Url", Url), ("ChatHooks:Hooks:oncall:Url", teams)));
        await host.StartAsync();
        var hooks = host.Services.GetRequiredService<IChatHooks>();

        var ringCentral = await BuildFailed.Sample().PostToHookAsync(hooks, "builds");
        var microsoft = await BuildFailed.Sample().PostToHookAsync(hooks, "oncall");

        Assert.Equal(200, ringCentral.StatusCode);
        Assert.Equal(202, microsoft.StatusCode);
        Assert.Equal(string.Empty, microsoft.Body);
        var posts = _emulator.Posts;
        Assert.Equal(new[] { HookRoute.V2, HookRoute.Teams }, posts.Select(p => p.Route));
        Assert.All(posts, p => Assert.Equal(PostVerdict.Accepted, p.Verdict));

        // The same card, bare in RingCentral's attachments and wrapped in Teams' attachment object.
        var card = System.Text.Json.JsonDocument.Parse(BuildFailed.Sample().ToCardJson()).RootElement;
        var rc = System.Text.Json.JsonDocument.Parse(posts[0].Body).RootElement;
        var ms = System.Text.Json.JsonDocument.Parse(posts[1].Body).RootElement;
        Assert.True(System.Text.Json.JsonElement.DeepEquals(card, rc.GetProperty("attachments")[0]));
        Assert.Equal("message", ms.GetProperty("type").GetString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", ms.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.True(System.Text.Json.JsonElement.DeepEquals(card, ms.GetProperty("attachments")[0].GetProperty("content")));
        Assert.False(ms.TryGetProperty("activity", out _));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Teams", false)]
    [InlineData("RingCentral", true)]
    public async Task A_Host_that_names_the_other_chat_host_fails_start_up_naming_the_hook_and_never_the_url(string configured, bool teamsUrl)
    {
        var hook = teamsUrl ? _emulator.GetUrl(_emulator.DefaultHookId, HookRoute.Teams) : _emulator.DefaultHook;
        var url = hook.RevealUri().AbsoluteUri;
        using var host = Build(Config(("ChatHooks:Hooks:alerts:Url", url), ("ChatHooks:Hooks:alerts:Host", configured)));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"The chat hook 'alerts' has Host '{configured}', but its URL is a {(teamsUrl ? "Teams workflow" : "RingCentral webhook")} URL", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, e.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(url[(url.IndexOf("sig=", StringComparison.Ordinal) + 8)..], e.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
    }

    [Fact]
    public async Task A_Teams_hook_with_the_Teams_or_Generic_profile_starts()
    {
        var url = _emulator.GetUrl(_emulator.DefaultHookId, HookRoute.Teams).RevealUri().AbsoluteUri;
        using var host = Build(Config(
            ("ChatHooks:Hooks:a:Url", url), ("ChatHooks:Hooks:a:Host", "teams"),
            ("ChatHooks:Hooks:b:Url", url), ("ChatHooks:Hooks:b:Host", "Generic")));

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<ChatHooksOptions>>().Value;
        Assert.Same(Schema.HostProfile.Teams, options.Hooks["a"].Client!.Host);
        Assert.Same(Schema.HostProfile.Generic, options.Hooks["b"].Client!.Host);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_legacy_message_goes_by_name_to_the_v1_form_of_the_hooks_url_and_a_bad_one_is_refused_first()
    {
        using var host = Build(Config(("ChatHooks:Hooks:builds:Url", Url)));
        await host.StartAsync();
        var hooks = host.Services.GetRequiredService<IChatHooks>();
        var card = new Legacy.LegacyCard { Fallback = "Deploy finished", Title = "Deploy", Text = "payments-api is live", Color = "#00ff2a" };

        var response = await hooks.PostAsync("BUILDS", Legacy.LegacyMessage.ForCard(card, activity: "CI"));
#pragma warning disable CARDGEN015 // refused at run time on purpose
        card.Color = "green";
#pragma warning restore CARDGEN015
        var refused = await Assert.ThrowsAsync<Legacy.LegacyValidationException>(() => hooks.PostAsync("builds", Legacy.LegacyMessage.ForCard(card)));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => hooks.PostAsync("deploys", new Legacy.LegacyMessage { Body = "b" }));

        Assert.Equal(200, response.StatusCode);
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal((HookRoute.V1, PostVerdict.Accepted, "CI"), (post.Route, post.Verdict, post.Activity));
        Assert.Equal(Legacy.LegacyRules.InvalidColor, refused.Result.Errors.Single().RuleId);
        Assert.Equal("hookName", unknown.ParamName);
        Assert.Equal(1, _emulator.TotalPosts);
        await Assert.ThrowsAsync<ArgumentNullException>(() => hooks.PostAsync("builds", (Legacy.LegacyMessage)null!));
        await host.StopAsync();
    }

    [Fact]
    public async Task An_unknown_hook_name_fails_before_anything_is_sent_naming_it_and_the_configured_ones()
    {
        using var host = Build(Config(("ChatHooks:Hooks:builds:Url", Url), ("ChatHooks:Hooks:alerts:Url", Url)));
        await host.StartAsync();
        var hooks = host.Services.GetRequiredService<IChatHooks>();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => BuildFailed.Sample().PostToHookAsync(hooks, "deploys"));

        Assert.Equal("hookName", e.ParamName);
        Assert.Contains("No chat hook is named 'deploys'. The configured hooks are: alerts, builds.", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
    }

    [Fact]
    public async Task Enqueue_without_an_outbox_fails_naming_the_registrations_that_add_one_and_sends_nothing()
    {
        using var host = Build(Config(("ChatHooks:Hooks:builds:Url", Url)));
        await host.StartAsync();
        var hooks = host.Services.GetRequiredService<IChatHooks>();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => hooks.EnqueueAsync("builds", new WebhookMessage { Text = "Deploy finished" }));

        Assert.Contains("No outbox is registered", e.Message, StringComparison.Ordinal);
        Assert.Contains("UseSqliteOutbox", e.Message, StringComparison.Ordinal);
        Assert.Contains("UsePostgreSqlOutbox", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("http")]
    [InlineData("query")]
    public async Task A_bad_or_missing_url_fails_start_up_naming_the_hook_and_never_the_token(string kind)
    {
        var url = kind switch
        {
            "missing" => null,
            "http" => $"http://hooks.example.com/webhook/v2/{Token}",
            _ => Url + "?x=1",
        };
        using var host = Build(Config(("ChatHooks:Hooks:builds:Url", url), ("ChatHooks:Hooks:builds:Host", "RingCentral")));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("'builds'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, e.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _emulator.TotalPosts);
    }

    [Fact]
    public async Task Unreadable_or_out_of_range_option_values_fail_start_up_naming_their_keys()
    {
        using var host = Build(Config(
            ("ChatHooks:Hooks:builds:Url", Url),
            ("ChatHooks:Retry:MaxRetryAttempts", "three"),
            ("ChatHooks:Hooks:builds:AttemptTimeout:Timeout", "-00:00:05"),
            ("ChatHooks:Hooks:builds:Host", "Slack")));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ChatHooks:Retry:MaxRetryAttempts is 'three', which is not a whole number.", e.Message, StringComparison.Ordinal);
        Assert.Contains("The chat hook 'builds': AttemptTimeout.Timeout is -00:00:05", e.Message, StringComparison.Ordinal);
        Assert.Contains("ChatHooks:Hooks:builds:Host is 'Slack', which is not a host profile", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_come_from_configuration_per_hook_over_the_shared_ones_and_from_code()
    {
        using var host = Build(
            Config(
                ("ChatHooks:Retry:MaxRetryAttempts", "4"),
                ("ChatHooks:CircuitBreaker:BreakDuration", "00:01:00"),
                ("ChatHooks:Hooks:builds:Url", Url),
                ("ChatHooks:Hooks:alerts:Url", Url),
                ("ChatHooks:Hooks:alerts:Host", "Generic"),
                ("ChatHooks:Hooks:alerts:Retry:RetryServerErrors", "true")),
            (services, _) => services.AddChatHooks()
                .AddHook("deploys", _emulator.DefaultHook, o => o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(7))
                .ConfigureClient(o => o.Retry.Delay = TimeSpan.FromMilliseconds(250)));
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<ChatHooksOptions>>().Value;
        var builds = options.Hooks["builds"].Client!;
        var alerts = options.Hooks["alerts"].Client!;
        var deploys = options.Hooks["deploys"].Client!;
        Assert.Equal(4, builds.Retry.MaxRetryAttempts);
        Assert.False(builds.Retry.RetryServerErrors);
        Assert.Null(builds.Host); // the host of the hook's URL
        Assert.Equal(4, alerts.Retry.MaxRetryAttempts);
        Assert.True(alerts.Retry.RetryServerErrors);
        Assert.Same(Schema.HostProfile.Generic, alerts.Host);
        Assert.Equal(TimeSpan.FromMinutes(1), alerts.CircuitBreaker.BreakDuration);
        Assert.Equal(TimeSpan.FromSeconds(7), deploys.AttemptTimeout.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), builds.AttemptTimeout.Timeout);
        Assert.All(new[] { builds, alerts, deploys }, o => Assert.Equal(TimeSpan.FromMilliseconds(250), o.Retry.Delay));
        Assert.NotNull(builds.Logger);

        var hooks = host.Services.GetRequiredService<IChatHooks>();
        Assert.Equal(new[] { "alerts", "builds", "deploys" }, hooks.Names);
        await hooks.PostAsync("deploys", new WebhookMessage { Text = "from code" });
        Assert.Equal(1, _emulator.AcceptedPosts);
    }

    [Fact]
    public async Task Hooks_set_only_in_code_post_without_any_configuration()
    {
        var services = new ServiceCollection();
        services.AddChatHooks(o => o.Client.Retry.MaxRetryAttempts = 0).AddHook("builds", Url);
        await using var provider = services.BuildServiceProvider();

        var response = await provider.GetRequiredService<IChatHooks>().PostAsync("builds", new WebhookMessage { Text = "no host" });

        Assert.Equal(1, response.Attempts);
        Assert.Equal(1, _emulator.AcceptedPosts);
    }

    [Fact]
    public async Task A_changed_configuration_reloads_the_hooks_and_the_next_post_goes_to_the_new_url()
    {
        var other = _emulator.CreateHook();
        var configuration = Config(("ChatHooks:Hooks:builds:Url", Url));
        using var host = Build(configuration);
        await host.StartAsync();
        var hooks = host.Services.GetRequiredService<IChatHooks>();
        await hooks.PostAsync("builds", new WebhookMessage { Text = "before" });

        configuration["ChatHooks:Hooks:builds:Url"] = other.Uri.AbsoluteUri;
        configuration["ChatHooks:Hooks:alerts:Url"] = Url;
        configuration.Reload();
        await hooks.PostAsync("builds", new WebhookMessage { Text = "after" });

        Assert.Equal(new[] { Token, other.Id }, _emulator.Posts.OrderBy(p => p.Seq).Select(p => p.HookId));
        Assert.Equal(new[] { "alerts", "builds" }, hooks.Names);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_standard_resilience_handler_on_every_client_does_not_post_a_message_twice(bool defaultsFirst)
    {
        _emulator.InjectFault(Token, FaultSpec.ServerError(503));
        void Defaults(IServiceCollection services) => services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (defaultsFirst)
        {
            Defaults(builder.Services);
        }

        builder.Services.AddChatHooks().AddHook("builds", Url);
        if (!defaultsFirst)
        {
            Defaults(builder.Services);
        }

        using var host = builder.Build();
        await host.StartAsync();

        var e = await Assert.ThrowsAsync<ChatHookException>(() => host.Services.GetRequiredService<IChatHooks>().PostAsync("builds", new WebhookMessage { Text = "once" }));

        Assert.Equal(ChatHookFailure.ServerError, e.Failure);
        Assert.Equal(1, e.Attempts);
        Assert.Equal(1, _emulator.TotalPosts);
        var chain = host.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ChatHooksBuilder.HttpClientName);
        Assert.DoesNotContain(Handlers(chain), h => h.GetType().FullName!.StartsWith("Microsoft.Extensions.Http.Resilience", StringComparison.Ordinal));
        var primary = Assert.IsType<SocketsHttpHandler>(Handlers(chain).Last());
        Assert.False(primary.AllowAutoRedirect);
        Assert.Null(primary.ActivityHeadersPropagator);
    }

    [Fact]
    public async Task A_primary_handler_that_cannot_be_kept_quiet_fails_start_up_saying_why()
    {
        using var host = Build(
            Config(("ChatHooks:Hooks:builds:Url", Url)),
            (services, _) => services.AddHttpClient(ChatHooksBuilder.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler()));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("is System.Net.Http.HttpClientHandler, not a SocketsHttpHandler", e.Message, StringComparison.Ordinal);
        Assert.Contains("url.full holds the webhook token", e.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<HttpMessageHandler> Handlers(HttpMessageHandler handler)
    {
        for (HttpMessageHandler? h = handler; h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            yield return h;
        }
    }
}
