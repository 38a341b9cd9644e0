using System.ClientModel;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SummitBot.Answering.Model;

/// <summary>
/// The one resilience pipeline for calls to the chat model: jittered exponential retries on 408, 429, 5xx,
/// timeouts and network errors, around a timeout per attempt.
/// </summary>
internal sealed class ChatModelPipeline
{
    private readonly ResiliencePipeline pipeline;

    public ChatModelPipeline(IOptions<ChatModelOptions> options, ILogger<ChatModelPipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder();
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    logger.LogWarning("Chat model call failed ({Failure}); retry {Attempt} in {Delay}", Describe(args.Outcome.Exception), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline = builder.AddTimeout(settings.AttemptTimeout).Build();
    }

    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(static (call, token) => call(token), call, cancellationToken);

    /// <summary>A short name for a failure, for logs: the status code or the exception's type, never a request or its key.</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        ClientResultException { Status: > 0 } e => $"HTTP {e.Status}",
        null => "no exception",
        _ => failure.GetType().Name,
    };

    private static bool IsTransient(Exception? failure) => failure switch
    {
        ClientResultException e => e.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };
}
