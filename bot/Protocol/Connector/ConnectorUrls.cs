namespace SummitBot.Protocol.Connector;

/// <summary>Addresses of the Connector's REST operations under an activity's serviceUrl.</summary>
public static class ConnectorUrls
{
    /// <summary>
    /// `v3/conversations/{id}/activities/{replyToId}` (a reply) or `v3/conversations/{id}/activities` (a new
    /// message). The serviceUrl may carry a path (Teams' regional `/emea/`) and may lack the trailing slash,
    /// so the path is appended to it, never resolved against its root.
    /// </summary>
    public static Uri Activities(Uri serviceUrl, string conversationId, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var root = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl.AbsoluteUri : serviceUrl.AbsoluteUri + "/";
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(root + path);
    }

    /// <returns>
    /// The serviceUrl as an absolute http(s) address, or null when it is not one. It must be a scheme, a host, a
    /// port and a path only: the bot appends its own path, so a query or fragment (even an empty `?` or `#`) would
    /// let the caller choose what is really requested, and user info (even an empty `@`) has no place in it.
    /// </returns>
    public static Uri? ParseServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsoluteUri == uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            ? uri
            : null;
}
