using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CardGen;

/// <summary>
/// Builds each webhook's Polly pipeline: total timeout, retry, circuit breaker, attempt timeout (the order of
/// <c>Microsoft.Extensions.Http.Resilience</c>'s standard pipeline). Every value but the circuit breaker's is read from
/// the post's <see cref="Settings"/> when it runs, so one pipeline serves every post to a webhook and keeps its circuit.
/// </summary>
internal sealed class HookPipelines
{
    private readonly ConcurrentDictionary<WebhookUrl, Entry> _pipelines = new();

    /// <summary>The pipeline of <paramref name="endpoint"/>, built anew when the circuit breaker's settings changed.</summary>
    public ResiliencePipeline<AttemptResult> For(WebhookUrl endpoint, Settings settings)
    {
        if (_pipelines.TryGetValue(endpoint, out var entry) && entry.Breaker == settings.Breaker)
        {
            return entry.Pipeline;
        }

        var created = new Entry(settings.Breaker, Build(settings.Breaker));
        return _pipelines.AddOrUpdate(endpoint, created, (_, old) => old.Breaker == settings.Breaker ? old : created).Pipeline;
    }

    private static ResiliencePipeline<AttemptResult> Build(BreakerSettings breaker)
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult> { Name = "CardGen", TimeProvider = breaker.Time };
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "TotalRequestTimeout",
            TimeoutGenerator = static args => new ValueTask<TimeSpan>(State(args.Context).Settings.TotalTimeout),
        });
        builder.AddRetry(new RetryStrategyOptions<AttemptResult>
        {
            Name = "Retry",
            MaxRetryAttempts = int.MaxValue, // the post's own Settings.MaxAttempts decides, in ShouldHandle
            BackoffType = DelayBackoffType.Constant,
            Delay = TimeSpan.Zero,
            UseJitter = false,
            ShouldHandle = static args =>
            {
                var state = State(args.Context);
                var result = state.Result(args.Outcome);
                return new ValueTask<bool>(result is { Retryable: true } && args.AttemptNumber + 1 < state.Settings.MaxAttempts);
            },
            DelayGenerator = static args => new ValueTask<TimeSpan?>(State(args.Context).Result(args.Outcome)?.Delay ?? TimeSpan.Zero),
            OnRetry = static args =>
            {
                var state = State(args.Context);
                var result = state.Result(args.Outcome)!;
                state.Retries++;
                HookLog.Retrying(state.Settings.Logger, state.Endpoint, result.Failure, result.StatusCode, args.RetryDelay, args.AttemptNumber + 2, state.Settings.MaxAttempts);
                ChatHookClient.CountRetry(state, result.Failure);
                return default;
            },
        });
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptResult>
            {
                Name = "CircuitBreaker",
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = static args => new ValueTask<bool>(
                    State(args.Context).Result(args.Outcome)?.Failure is ChatHookFailure.ServerError or ChatHookFailure.Timeout or ChatHookFailure.Network),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "AttemptTimeout",
            TimeoutGenerator = static args => new ValueTask<TimeSpan>(State(args.Context).Settings.Timeout),
            OnTimeout = static args =>
            {
                var state = State(args.Context);
                state.TimedOutAttempt = state.Attempts;
                return default;
            },
        });
        return builder.Build();
    }

    private static PostState State(ResilienceContext context) => context.Properties.GetValue(PostState.Key, null!);

    private sealed record Entry(BreakerSettings Breaker, ResiliencePipeline<AttemptResult> Pipeline);
}
