using SummitBot.Protocol.Auth;

namespace SummitBot.Protocol.Inbound;

/// <summary>
/// Anonymous local mode, registered only when no real authenticator is (AddBotAuthentication registers one
/// first and wins). As in Bot Framework's no-app-id mode, a request without a token is accepted, and one with
/// a token is refused, because a token that cannot be validated must not be trusted.
/// </summary>
public sealed class AnonymousInboundAuthenticator : IInboundAuthenticator
{
    public Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrEmpty(authorizationHeader)
            ? InboundAuthResult.Allowed
            : InboundAuthResult.Refused("A bearer token was sent, but the bot has no app id to validate it against."));
}

/// <summary>Anonymous local mode: replies carry no Authorization header, which the Emulator and the Agents Playground accept.</summary>
public sealed class AnonymousOutboundTokenProvider : IOutboundTokenProvider
{
    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
