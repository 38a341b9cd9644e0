namespace SummitBot.Protocol.Replies;

/// <summary>
/// Where a citation points: the article's original address when known, else the bot's own /articles/{id}
/// page, absolute, so every citation names its article whatever the channel does with relative links.
/// </summary>
/// <param name="publicBase">The bot's public address (configured, or the request's scheme and host).</param>
public sealed class ArticleLinks(Uri publicBase)
{
    private readonly string root = publicBase.AbsoluteUri.EndsWith('/') ? publicBase.AbsoluteUri : publicBase.AbsoluteUri + "/";

    public Uri For(string articleId, string? originalUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(articleId);
        if (Uri.TryCreate(originalUrl, UriKind.Absolute, out var original) && (original.Scheme == Uri.UriSchemeHttps || original.Scheme == Uri.UriSchemeHttp))
        {
            return original;
        }

        return new Uri(root + "articles/" + Uri.EscapeDataString(articleId));
    }
}
