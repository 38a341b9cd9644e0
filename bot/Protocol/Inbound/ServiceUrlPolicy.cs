using Microsoft.Extensions.Options;
using SummitBot.Protocol.Auth;

namespace SummitBot.Protocol.Inbound;

/// <summary>
/// Which serviceUrls the bot sends replies to. In anonymous mode nothing vouches for the activity, so without
/// BotProtocol:AllowedServiceUrls only this machine's loopback addresses are served: anyone who can reach the
/// endpoint could otherwise make the bot post to any address. With an app id the signed token's serviceurl
/// claim already vouches for it; a configured list narrows that further.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<BotProtocolOptions> protocol, IOptions<BotAuthOptions> auth)
{
    // Entries were validated at start, so every one parses.
    private readonly IReadOnlyList<ServiceUrlPattern> allowed = [.. protocol.Value.AllowedServiceUrls.Select(entry => ServiceUrlPattern.Parse(entry)!)];
    private readonly bool anonymous = auth.Value.IsAnonymous;

    /// <param name="serviceUrl">An address <see cref="Connector.ConnectorUrls.ParseServiceUrl"/> accepted.</param>
    public bool Allows(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (allowed.Count > 0)
        {
            return allowed.Any(pattern => pattern.Matches(serviceUrl));
        }

        return !anonymous || serviceUrl.IsLoopback;
    }
}
