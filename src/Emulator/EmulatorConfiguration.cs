using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CardGen.Emulator;

/// <summary>
/// Reads <see cref="HookEmulatorOptions"/> from configuration keys (environment variables with the
/// <c>CARDGEN_EMULATOR_</c> prefix give the same names): <c>PORT</c>, <c>TOKEN</c>, <c>ERROR_STATUS</c>,
/// <c>DEFAULT_HOOK_ID</c>, <c>MAX_BODY_BYTES</c>, <c>MAX_RECORDED_POSTS</c>, <c>SEED</c>,
/// <c>RATE_LIMIT</c> (<c>requests/seconds</c>, for every hook), <c>CLIENT_ID</c>, <c>CLIENT_SECRET</c>,
/// <c>TOKEN_LIFETIME</c> (seconds), <c>AUTH_RATE_LIMIT</c> and <c>API_RATE_LIMIT</c> (<c>requests/seconds</c>, for the
/// token endpoint and the management API) and <c>FAULTS</c> (for the default hook, separated by
/// <c>;</c>, each <c>kind[:value][@rate][xcount]</c>, for example <c>429:2@0.1</c>, <c>503x3</c>, <c>delay:500</c>, <c>drop@0.05</c>).
/// </summary>
public static class EmulatorConfiguration
{
    /// <summary>Reads the options.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The options.</returns>
    /// <exception cref="FormatException">A value cannot be read; the message names the key.</exception>
    public static HookEmulatorOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new HookEmulatorOptions
        {
            Port = Int(configuration, "PORT") ?? 0,
            ManagementToken = Text(configuration, "TOKEN"),
            ErrorHttpStatus = Int(configuration, "ERROR_STATUS") ?? 200,
            MaxBodyBytes = Int(configuration, "MAX_BODY_BYTES") ?? 2 * 1024 * 1024,
            MaxRecordedPosts = Int(configuration, "MAX_RECORDED_POSTS") ?? 1000,
            RandomSeed = Int(configuration, "SEED"),
        };
        if (Text(configuration, "DEFAULT_HOOK_ID") is { } id)
        {
            options.DefaultHookId = id;
        }

        options.DefaultRateLimit = Limit(configuration, "RATE_LIMIT");
        options.AuthRateLimit = Limit(configuration, "AUTH_RATE_LIMIT");
        options.ApiRateLimit = Limit(configuration, "API_RATE_LIMIT");
        options.ClientId = Text(configuration, "CLIENT_ID");
        options.ClientSecret = Text(configuration, "CLIENT_SECRET");
        if (Int(configuration, "TOKEN_LIFETIME") is { } lifetime)
        {
            options.AccessTokenLifetime = lifetime is >= 1 and <= 365 * 86_400
                ? TimeSpan.FromSeconds(lifetime)
                : throw new FormatException("TOKEN_LIFETIME must be a number of seconds from 1 to 31536000.");
        }

        if (Text(configuration, "FAULTS") is { } faults)
        {
            var list = new System.Collections.Generic.List<FaultSpec>();
            foreach (var item in faults.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                list.Add(ParseFault(item));
            }

            options.Faults[options.DefaultHookId] = list;
        }

        return options;
    }

    /// <summary>Reads one fault: <c>kind[:value][@rate][xcount]</c>; kind is <c>429</c> (value: Retry-After seconds), <c>5xx</c> or a status 500–599, <c>delay</c> (value: milliseconds) or <c>drop</c>.</summary>
    /// <param name="text">The text, for example <c>429:2@0.1</c> or <c>503x3</c>.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="FormatException">The text is not a fault.</exception>
    public static FaultSpec ParseFault(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.Trim();
        int? count = null;
        var x = rest.LastIndexOf('x');
        if (x > 0 && int.TryParse(rest[(x + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            count = n;
            rest = rest[..x];
        }

        double rate = 1;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!double.TryParse(rest[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out rate))
            {
                throw new FormatException($"The fault '{text}' has a rate that is not a number.");
            }

            rest = rest[..at];
        }

        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var kind = (colon < 0 ? rest : rest[..colon]).ToLowerInvariant();
        double? value = null;
        if (colon >= 0)
        {
            if (!double.TryParse(rest[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                throw new FormatException($"The fault '{text}' has a value that is not a number.");
            }

            value = v;
        }

        // Ranges are checked before TimeSpan sees the value: it overflows (1e300) or refuses NaN with other exceptions.
        double Value(double fallback, double max, string unit)
            => value is not { } v ? fallback
                : v >= 0 && v <= max ? v
                : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The fault '{text}' is out of range: its value is {unit} from 0 to {max}."));

        FaultSpec spec = kind switch
        {
            "429" => FaultSpec.TooManyRequests(TimeSpan.FromSeconds(Value(1, 86_400, "seconds"))),
            "5xx" => FaultSpec.ServerError(),
            "delay" => FaultSpec.Delayed(TimeSpan.FromMilliseconds(Value(1000, 3_600_000, "milliseconds"))),
            "drop" => FaultSpec.Drop(),
            _ when int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 500 and <= 599 => FaultSpec.ServerError(status),
            _ => throw new FormatException($"The fault '{text}' is not 429, 5xx, a status 500-599, delay or drop."),
        };
        spec = spec with { Rate = rate, Count = count };
        try
        {
            spec.Check();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"The fault '{text}' is out of range: {e.Message}", e);
        }

        return spec;
    }

    private static RateLimit? Limit(IConfiguration configuration, string key)
    {
        if (Text(configuration, key) is not { } limit)
        {
            return null;
        }

        var parts = limit.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var requests)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || requests < 1 || !(seconds >= 0.001 && seconds <= 86_400))
        {
            // The same ranges as PUT /api/hooks/{id}/rate-limit; checked before TimeSpan, which overflows.
            throw new FormatException($"{key} must be requests/seconds, for example 40/60: 1 to 2147483647 requests per 0.001 to 86400 seconds.");
        }

        return new RateLimit(requests, TimeSpan.FromSeconds(seconds));
    }

    private static string? Text(IConfiguration configuration, string key)
        => configuration[key] is { Length: > 0 } value ? value.Trim() : null;

    private static int? Int(IConfiguration configuration, string key)
    {
        if (Text(configuration, key) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{key} must be a whole number, not '{text}'.");
    }
}
