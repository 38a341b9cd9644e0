namespace SummitBot.Protocol.Auth;

/// <summary>Supplies the bearer token for calls to a channel's Connector (replies).</summary>
public interface IOutboundTokenProvider
{
    /// <returns>The access token, or null in anonymous local mode (no app id), when no header is sent.</returns>
    /// <param name="forceRefresh">True after the Connector answered 401: fetch a new token instead of the cached one.</param>
    Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
