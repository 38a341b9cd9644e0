using SummitBot.Answering;
using SummitBot.Conversations;

namespace SummitBot.Protocol.Replies;

/// <summary>How sources read in message text: a linked title, then outlet and date when known.</summary>
public static class MarkdownLines
{
    /// <summary>`[n] [Title](url) — Outlet, 2025-08-23`, for the sources under an answer.</summary>
    public static string Cited(Citation citation, ArticleLinks links)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return $"[{citation.N}] " + Source(citation, links);
    }

    /// <summary>`[Title](url) — Outlet, 2025-08-23`: where a citation comes from.</summary>
    /// <param name="atSentence">Link the bot's own article page at the cited sentence.</param>
    public static string Source(Citation citation, ArticleLinks links, bool atSentence = false)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(links);
        return Link(TitleOf(citation.Title, citation.ArticleId), links.For(citation.ArticleId, citation.Url, atSentence ? citation.Sentence : null))
            + Attribution(citation.Outlet, citation.Published);
    }

    /// <summary>`[Title](url) — Outlet, 2025-08-23`, for the list of sources.</summary>
    public static string Listed(SourceArticle article, ArticleLinks links)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(links);
        return Link(TitleOf(article.Title, article.Id), links.For(article.Id, article.Url))
            + Attribution(article.Outlet, article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string TitleOf(string? title, string articleId) => string.IsNullOrWhiteSpace(title) ? articleId : title.Trim();

    private static string Link(string text, Uri url)
    {
        var escapedText = text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal);
        // Parentheses would end the link target early.
        var target = url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        return $"[{escapedText}]({target})";
    }

    private static string Attribution(string? outlet, string? published)
    {
        var parts = new[] { outlet, published }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return parts.Length == 0 ? string.Empty : " — " + string.Join(", ", parts);
    }
}
