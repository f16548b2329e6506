using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CardGen.Outbox;
using CardGen.Schema;
using Microsoft.Extensions.Configuration;

namespace CardGen;

/// <summary>
/// Reads <see cref="ChatHooksOptions"/> from a configuration section, key by key. Written out rather than bound by
/// reflection, so it is trimming and Native AOT safe, reads a host profile by name, and says which key holds a value
/// it cannot read (never the value of a URL).
/// </summary>
internal static class ChatHooksConfiguration
{
    public static void Apply(IConfiguration section, ChatHooksOptions options)
    {
        var errors = options.ConfigurationErrors;
        ApplyClient(section, options.Client, errors);
        foreach (var hookSection in section.GetSection("Hooks").GetChildren())
        {
            var hook = options.Hook(hookSection.Key);
            if (hookSection["Url"] is { } url)
            {
                hook.Url = url;
            }

            // Read when the hook's options are built, over a copy of the shared ones.
            hook.Overrides.Add(client => ApplyClient(hookSection, client, errors));
        }
    }

    /// <summary>The keys of a durable outbox's section (<c>Outbox</c> beside <c>Hooks</c>), as <see cref="ChatOutboxOptions"/> names them.</summary>
    private static readonly string[] OutboxKeys =
    {
        nameof(ChatOutboxOptions.Capacity), nameof(ChatOutboxOptions.BatchSize), nameof(ChatOutboxOptions.MaxConcurrentPosts),
        nameof(ChatOutboxOptions.LeaseDuration), nameof(ChatOutboxOptions.PollInterval), nameof(ChatOutboxOptions.DeliveredRetention),
        nameof(ChatOutboxOptions.MaxAttempts), nameof(ChatOutboxOptions.RetryDelay), nameof(ChatOutboxOptions.MaxRetryDelay),
        nameof(ChatOutboxOptions.MinimumPostInterval), nameof(ChatOutboxOptions.PostIntervals), nameof(ChatOutboxOptions.ShutdownTimeout),
    };

    /// <summary>Reads a durable outbox's options from its section, naming the key of each value it cannot read or does not know.</summary>
    public static void ApplyOutbox(IConfigurationSection section, ChatOutboxOptions options)
    {
        var errors = options.ConfigurationErrors;
        foreach (var child in section.GetChildren())
        {
            if (!OutboxKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{child.Path} is not an outbox option; the options are {string.Join(", ", OutboxKeys)}.");
            }
        }

        Read(section, nameof(ChatOutboxOptions.Capacity), errors, ParseLong, v => options.Capacity = v);
        Read(section, nameof(ChatOutboxOptions.BatchSize), errors, ParseInt, v => options.BatchSize = v);
        Read(section, nameof(ChatOutboxOptions.MaxConcurrentPosts), errors, ParseInt, v => options.MaxConcurrentPosts = v);
        Read(section, nameof(ChatOutboxOptions.LeaseDuration), errors, ParseTime, v => options.LeaseDuration = v);
        Read(section, nameof(ChatOutboxOptions.PollInterval), errors, ParseTime, v => options.PollInterval = v);
        Read(section, nameof(ChatOutboxOptions.DeliveredRetention), errors, ParseTime, v => options.DeliveredRetention = v);
        Read(section, nameof(ChatOutboxOptions.MaxAttempts), errors, ParseInt, v => options.MaxAttempts = v);
        Read(section, nameof(ChatOutboxOptions.RetryDelay), errors, ParseTime, v => options.RetryDelay = v);
        Read(section, nameof(ChatOutboxOptions.MaxRetryDelay), errors, ParseTime, v => options.MaxRetryDelay = v);
        Read(section, nameof(ChatOutboxOptions.MinimumPostInterval), errors, ParseTime, v => options.MinimumPostInterval = v);
        Read(section, nameof(ChatOutboxOptions.ShutdownTimeout), errors, ParseTime, v => options.ShutdownTimeout = v);
        var intervals = section.GetSection(nameof(ChatOutboxOptions.PostIntervals));
        foreach (var hook in intervals.GetChildren())
        {
            Read(intervals, hook.Key, errors, ParseTime, v => options.PostIntervals[hook.Key] = v);
        }
    }

    private static void ApplyClient(IConfiguration section, ChatHookClientOptions client, List<string> errors)
    {
        if (section["Host"] is { } host)
        {
            if (HostProfile.TryGet(host, out var profile))
            {
                client.Host = profile;
            }
            else
            {
                errors.Add($"{Path(section, "Host")} is '{host}', which is not a host profile; use one of {string.Join(", ", HostProfile.All.Select(p => p.Name))}.");
            }
        }

        Read(section, "ValidateCards", errors, ParseBool, v => client.ValidateCards = v);
        var retry = section.GetSection("Retry");
        Read(retry, "MaxRetryAttempts", errors, ParseInt, v => client.Retry.MaxRetryAttempts = v);
        Read(retry, "Delay", errors, ParseTime, v => client.Retry.Delay = v);
        Read(retry, "MaxDelay", errors, ParseTime, v => client.Retry.MaxDelay = v);
        Read(retry, "UseJitter", errors, ParseBool, v => client.Retry.UseJitter = v);
        Read(retry, "RetryServerErrors", errors, ParseBool, v => client.Retry.RetryServerErrors = v);
        Read(section.GetSection("AttemptTimeout"), "Timeout", errors, ParseTime, v => client.AttemptTimeout.Timeout = v);
        Read(section.GetSection("TotalRequestTimeout"), "Timeout", errors, ParseTime, v => client.TotalRequestTimeout.Timeout = v);
        var breaker = section.GetSection("CircuitBreaker");
        Read(breaker, "Enabled", errors, ParseBool, v => client.CircuitBreaker.Enabled = v);
        Read(breaker, "FailureRatio", errors, ParseDouble, v => client.CircuitBreaker.FailureRatio = v);
        Read(breaker, "MinimumThroughput", errors, ParseInt, v => client.CircuitBreaker.MinimumThroughput = v);
        Read(breaker, "SamplingDuration", errors, ParseTime, v => client.CircuitBreaker.SamplingDuration = v);
        Read(breaker, "BreakDuration", errors, ParseTime, v => client.CircuitBreaker.BreakDuration = v);
    }

    private static void Read<T>(IConfiguration section, string key, List<string> errors, Func<string, (bool Ok, T Value, string Expected)> parse, Action<T> set)
    {
        if (section[key] is not { } text)
        {
            return;
        }

        var (ok, value, expected) = parse(text);
        if (ok)
        {
            set(value);
        }
        else
        {
            errors.Add($"{Path(section, key)} is '{text}', which is not {expected}.");
        }
    }

    private static string Path(IConfiguration section, string key)
        => section is IConfigurationSection s ? ConfigurationPath.Combine(s.Path, key) : key;

    private static (bool, bool, string) ParseBool(string text) => (bool.TryParse(text, out var v), v, "true or false");

    private static (bool, int, string) ParseInt(string text)
        => (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v), v, "a whole number");

    private static (bool, long, string) ParseLong(string text)
        => (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v), v, "a whole number");

    private static (bool, double, string) ParseDouble(string text)
        => (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v), v, "a number such as 0.5");

    private static (bool, TimeSpan, string) ParseTime(string text)
        => (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var v), v, "a time span such as 00:00:30");
}
