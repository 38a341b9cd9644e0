using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SummitBot.Retrieval.Articles;

/// <summary>The story inside a saved news page: its metadata tags and the text of its main content.</summary>
internal static class HtmlArticle
{
    private const string Chrome = "script, style, noscript, nav, header, footer, aside, form, figure, figcaption, iframe, svg, button";
    private const string Blocks = "h1, h2, h3, h4, p, li, blockquote";

    public static (MetadataEntry Metadata, string Lines) Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var metadata = new MetadataEntry
        {
            Title = Meta(document, "og:title") ?? document.QuerySelector("h1")?.TextContent.Trim() ?? NullIfEmpty(document.Title),
            Outlet = Meta(document, "og:site_name"),
            Author = Meta(document, "author") ?? Meta(document, "article:author"),
            Published = Meta(document, "article:published_time") is { Length: >= 10 } time ? time[..10] : null,
            Url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url"),
        };

        var main = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        if (main is null)
        {
            return (metadata, "");
        }

        foreach (var element in main.QuerySelectorAll(Chrome).ToList())
        {
            element.Remove();
        }

        // Only the innermost blocks: a <li> holding a <p> would otherwise be read twice. List items keep
        // their bullet so that lists of links to other stories are dropped like those of a text page.
        var lines = main.QuerySelectorAll(Blocks)
            .Where(e => e.QuerySelector(Blocks) is null)
            .Select(e => e.LocalName == "li" ? "- " + e.TextContent.Trim() : e.TextContent.Trim());
        return (metadata, string.Join('\n', lines));
    }

    private static string? Meta(IDocument document, string name) =>
        NullIfEmpty((document.QuerySelector($"meta[property='{name}']") ?? document.QuerySelector($"meta[name='{name}']"))
            ?.GetAttribute("content"));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
