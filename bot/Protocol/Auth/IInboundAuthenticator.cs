namespace SummitBot.Protocol.Auth;

/// <summary>
/// Decides whether an inbound POST to /api/messages may be processed. The endpoint calls it before it
/// reads, stores or answers anything in the activity.
/// </summary>
public interface IInboundAuthenticator
{
    /// <param name="authorizationHeader">The raw Authorization header, or null when the request had none.</param>
    /// <param name="channelId">The activity's channelId (the signing key must be endorsed for it).</param>
    /// <param name="serviceUrl">The activity's serviceUrl (must equal the token's serviceurl claim).</param>
    Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken);
}

/// <param name="Reason">Why a request was refused; logged, never sent back in detail.</param>
public sealed record InboundAuthResult(bool IsAuthenticated, string? Reason)
{
    public static InboundAuthResult Allowed { get; } = new(true, null);

    public static InboundAuthResult Refused(string reason) => new(false, reason);
}
