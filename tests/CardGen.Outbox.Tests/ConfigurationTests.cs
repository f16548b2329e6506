using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CardGen.Outbox.Tests;

/// <summary>
/// <c>AddChatHooks(section).UseSqliteOutbox(path)</c> reads the outbox's options from the section's <c>Outbox</c> key,
/// under what the code sets, and fails start-up naming the key of each value it cannot use.
/// </summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolder.Delete(_folder);
    }

    private IHost Build(Dictionary<string, string?> values, Action<ChatOutboxOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        values["ChatHooks:Hooks:builds:Url"] = "http://127.0.0.1:9/webhook/v2/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de";
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddChatHooks(builder.Configuration.GetSection("ChatHooks"))
            .UseSqliteOutbox(Path.Combine(_folder, "outbox.db"), configure);
        return builder.Build();
    }

    [Fact]
    public void The_outbox_section_sets_the_options_and_the_code_sets_them_over_it()
    {
        using var host = Build(
            new Dictionary<string, string?>
            {
                ["ChatHooks:Outbox:Capacity"] = "5000",
                ["ChatHooks:Outbox:BatchSize"] = "32",
                ["ChatHooks:Outbox:MaxConcurrentPosts"] = "4",
                ["ChatHooks:Outbox:LeaseDuration"] = "00:02:00",
                ["ChatHooks:Outbox:PollInterval"] = "00:00:02",
                ["ChatHooks:Outbox:DeliveredRetention"] = "2.00:00:00",
                ["ChatHooks:Outbox:MaxAttempts"] = "3",
                ["ChatHooks:Outbox:RetryDelay"] = "00:00:01",
                ["ChatHooks:Outbox:MaxRetryDelay"] = "00:01:00",
                ["ChatHooks:Outbox:MinimumPostInterval"] = "00:00:00.100",
                ["ChatHooks:Outbox:PostIntervals:builds"] = "00:00:01.500",
                ["ChatHooks:Outbox:ShutdownTimeout"] = "00:00:20",
            },
            o => o.MaxAttempts = 7);

        var options = host.Services.GetRequiredService<IOptions<ChatOutboxOptions>>().Value;

        Assert.Equal(5000, options.Capacity);
        Assert.Equal(32, options.BatchSize);
        Assert.Equal(4, options.MaxConcurrentPosts);
        Assert.Equal(TimeSpan.FromMinutes(2), options.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PollInterval);
        Assert.Equal(TimeSpan.FromDays(2), options.DeliveredRetention);
        Assert.Equal(7, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.MinimumPostInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.PostIntervalOf("BUILDS"));
        Assert.Equal(TimeSpan.FromSeconds(20), options.ShutdownTimeout);
    }

    [Fact]
    public async Task Values_the_outbox_cannot_use_fail_start_up_naming_their_keys()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["ChatHooks:Outbox:BatchSize"] = "0",
            ["ChatHooks:Outbox:LeaseDuration"] = "soon",
            ["ChatHooks:Outbox:Capacity"] = "lots",
            ["ChatHooks:Outbox:BatchSzie"] = "64",
            ["ChatHooks:Outbox:PostIntervals:builds"] = "-00:00:01",
        });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ChatOutbox: BatchSize is 0; it must be 1 to 10000 (configuration key 'ChatHooks:Outbox:BatchSize').", e.Message, StringComparison.Ordinal);
        Assert.Contains("ChatOutbox: ChatHooks:Outbox:LeaseDuration is 'soon', which is not a time span such as 00:00:30.", e.Message, StringComparison.Ordinal);
        Assert.Contains("ChatOutbox: ChatHooks:Outbox:Capacity is 'lots', which is not a whole number.", e.Message, StringComparison.Ordinal);
        Assert.Contains("ChatOutbox: ChatHooks:Outbox:BatchSzie is not an outbox option; the options are Capacity, BatchSize,", e.Message, StringComparison.Ordinal);
        Assert.Contains("ChatOutbox: PostIntervals[builds] is -00:00:01; it must not be negative (configuration key 'ChatHooks:Outbox:PostIntervals:builds').", e.Message, StringComparison.Ordinal);
    }
}
