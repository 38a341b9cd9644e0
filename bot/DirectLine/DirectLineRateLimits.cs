using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SummitBot.DirectLine;

/// <summary>Which of the Direct Line limits an endpoint counts against; endpoints without one are not limited.</summary>
public sealed record DirectLineLimit(string Name)
{
    /// <summary>Tokens and new conversations: per client address.</summary>
    public static readonly DirectLineLimit Tokens = new("tokens");

    /// <summary>Posted activities: per conversation token and per client address.</summary>
    public static readonly DirectLineLimit Posts = new("posts");
}

/// <summary>
/// The Direct Line limits, as ASP.NET Core's rate limiter: fixed one-minute windows per client address and, for
/// posts, per conversation, chained so a post must pass both. Refusals are 429 with Retry-After.
/// </summary>
public static class DirectLineRateLimits
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services)
    {
        // The limits come from validated options, so the limiter is configured once they can be read.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<DirectLineOptions>>((limiter, options) =>
        {
            var limits = options.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => ByAddress(context, limits)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => ByConversation(context, limits)));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> ByAddress(HttpContext context, DirectLineOptions limits)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return LimitOf(context) switch
        {
            { } limit when limit == DirectLineLimit.Tokens => PerMinute("tokens@" + address, limits.TokensPerMinutePerAddress),
            { } limit when limit == DirectLineLimit.Posts => PerMinute("posts@" + address, limits.PostsPerMinutePerAddress),
            _ => RateLimitPartition.GetNoLimiter(""),
        };
    }

    /// <summary>
    /// By the conversation in the address, which a token is bound to. Conversation ids are unguessable, so no one
    /// else can spend a conversation's allowance; and a refreshed token does not get a new one.
    /// </summary>
    private static RateLimitPartition<string> ByConversation(HttpContext context, DirectLineOptions limits) =>
        LimitOf(context) == DirectLineLimit.Posts && context.Request.RouteValues["conversationId"] is string conversation
            ? PerMinute("posts:" + conversation, limits.PostsPerMinutePerToken)
            : RateLimitPartition.GetNoLimiter("");

    private static DirectLineLimit? LimitOf(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<DirectLineLimit>();

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        rejected.HttpContext.RequestServices.GetRequiredService<Telemetry.BotMetrics>().RateLimited(LimitOf(rejected.HttpContext)?.Name ?? "other");
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await DirectLineErrors.Busy(StatusCodes.Status429TooManyRequests, "Too many requests; try again after the time in Retry-After.")
            .ExecuteAsync(rejected.HttpContext).ConfigureAwait(false);
    }
}
