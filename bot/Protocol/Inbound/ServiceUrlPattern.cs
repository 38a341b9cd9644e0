using SummitBot.Protocol.Connector;

namespace SummitBot.Protocol.Inbound;

/// <summary>
/// One entry of BotProtocol:AllowedServiceUrls, a base address such as https://smba.trafficmanager.net/teams/.
/// A serviceUrl matches when all of these hold:
/// <list type="bullet">
/// <item>its scheme is the entry's (http and https are different entries);</item>
/// <item>its host is the entry's, ignoring case; an entry host written `*.example.net` matches any host that ends
/// in `.example.net` (one or more labels more), never example.net itself;</item>
/// <item>its port is the entry's, the scheme's default port counting as written (https://host/ is
/// https://host:443/);</item>
/// <item>its path is the entry's path or lies under it, compared whole segment by segment and case-sensitively:
/// an entry `/teams` or `/teams/` matches `/teams/` and `/teams/emea/`, not `/teamsx/`.</item>
/// </list>
/// </summary>
public sealed class ServiceUrlPattern
{
    private const string AnySubdomain = "*.";

    private readonly string scheme;
    private readonly string host;
    private readonly bool subdomainsOnly;
    private readonly int port;
    private readonly string path;

    private ServiceUrlPattern(Uri address, bool subdomainsOnly)
    {
        scheme = address.Scheme;
        host = address.IdnHost;
        this.subdomainsOnly = subdomainsOnly;
        port = address.Port;
        path = WithTrailingSlash(address.AbsolutePath);
    }

    /// <returns>The pattern, or null when the entry is not an absolute http(s) base address (user info, a query
    /// or a fragment make it none).</returns>
    public static ServiceUrlPattern? Parse(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return null;
        }

        // Uri does not parse `*` in a host, so the wildcard is taken off before parsing and remembered.
        var text = entry.Trim();
        var hostStart = text.IndexOf("://", StringComparison.Ordinal) + "://".Length;
        var subdomainsOnly = hostStart >= "://".Length && text.AsSpan(hostStart).StartsWith(AnySubdomain, StringComparison.Ordinal);
        var address = ConnectorUrls.ParseServiceUrl(subdomainsOnly ? text.Remove(hostStart, AnySubdomain.Length) : text);
        return address is null ? null : new ServiceUrlPattern(address, subdomainsOnly);
    }

    /// <param name="serviceUrl">An address <see cref="ConnectorUrls.ParseServiceUrl"/> accepted.</param>
    public bool Matches(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return serviceUrl.Scheme == scheme
            && HostMatches(serviceUrl.IdnHost)
            && serviceUrl.Port == port
            && WithTrailingSlash(serviceUrl.AbsolutePath).StartsWith(path, StringComparison.Ordinal);
    }

    private bool HostMatches(string candidate) =>
        subdomainsOnly
            ? candidate.Length > host.Length + 1 && candidate.EndsWith("." + host, StringComparison.OrdinalIgnoreCase)
            : string.Equals(candidate, host, StringComparison.OrdinalIgnoreCase);

    private static string WithTrailingSlash(string path) => path.EndsWith('/') ? path : path + "/";
}
