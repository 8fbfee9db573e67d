using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Discogsography.ServiceInterface.Discogs;

/// <summary>How hard the Discogs client retries.</summary>
public sealed record DiscogsRetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay when Discogs gives no Retry-After (doubled each time, with jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After honoured; longer requests are shortened to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// The Polly pipeline every Discogs call runs through: retry on 429, 5xx, network errors and attempt timeouts,
/// waiting what <c>Retry-After</c> asks (capped) or an exponential backoff; each attempt has its own timeout.
/// </summary>
public static class DiscogsRetryPolicy
{
    public static ResiliencePipeline<HttpResponseMessage> Create(DiscogsRetryOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter, time)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    /// <summary>The wait a 429/503 asks for, capped; null lets the backoff decide.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, TimeProvider time)
    {
        var asked = response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return asked is { } wait ? TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, cap.Ticks)) : null;
    }
}
