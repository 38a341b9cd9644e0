namespace SummitBot.Protocol.Replies;

/// <summary>
/// Where a citation points: the article's original address when known, else the bot's own /articles/{id}
/// page, absolute, so every citation names its article whatever the channel does with relative links.
/// </summary>
/// <param name="publicBase">The bot's public address (<see cref="Hosting.PublicAddress"/>).</param>
public sealed class ArticleLinks(Uri publicBase)
{
    private readonly string root = publicBase.AbsoluteUri.EndsWith('/') ? publicBase.AbsoluteUri : publicBase.AbsoluteUri + "/";

    /// <param name="sentence">The cited sentence, from 1: the bot's own page is linked at its <c>#sN</c> mark.</param>
    public Uri For(string articleId, string? originalUrl, int? sentence = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(articleId);
        return Original(originalUrl) ?? new Uri(root + "articles/" + Uri.EscapeDataString(articleId) + (sentence is { } n ? $"#s{n}" : ""));
    }

    /// <summary>
    /// An article's original address as a link, or null when it is not an absolute http(s) address. Every place
    /// that links to an article's own address asks this, so a `javascript:` or `data:` address found in an
    /// article never becomes a link.
    /// </summary>
    public static Uri? Original(string? originalUrl) =>
        Uri.TryCreate(originalUrl, UriKind.Absolute, out var original) && (original.Scheme == Uri.UriSchemeHttps || original.Scheme == Uri.UriSchemeHttp)
            ? original
            : null;
}
