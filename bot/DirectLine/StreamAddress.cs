using Microsoft.Extensions.Options;
using SummitBot.Protocol;

namespace SummitBot.DirectLine;

/// <summary>The streamUrl a client opens: ws(s)://…/v3/directline/conversations/{id}/stream?t=…&amp;watermark=….</summary>
public sealed class StreamAddress(DirectLineTokens tokens, IOptions<BotProtocolOptions> protocol)
{
    /// <summary>
    /// On the host the client called (the page's own origin, which its Content-Security-Policy allows), unless
    /// BotProtocol:PublicBaseUrl names the public one. Taking the request's host is safe here, unlike for citation
    /// links: the address goes back only to the client that sent the header.
    /// </summary>
    public string For(HttpRequest request, string conversationId, string? watermark)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = protocol.Value.PublicBaseUrl;
        var (scheme, host, pathBase) = string.IsNullOrWhiteSpace(configured)
            ? (request.Scheme, request.Host.ToUriComponent(), request.PathBase.ToUriComponent())
            : FromBase(new Uri(configured));
        var socketScheme = string.Equals(scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase) ? "wss" : "ws";
        var query = "t=" + Uri.EscapeDataString(tokens.ForStream(conversationId))
            + (string.IsNullOrEmpty(watermark) ? "" : "&watermark=" + Uri.EscapeDataString(watermark));
        return $"{socketScheme}://{host}{pathBase}{DirectLineApi.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?{query}";
    }

    private static (string Scheme, string Host, string PathBase) FromBase(Uri configured) =>
        (configured.Scheme, configured.Authority, configured.AbsolutePath.TrimEnd('/'));
}
