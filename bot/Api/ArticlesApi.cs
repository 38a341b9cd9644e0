using System.Globalization;
using System.Net;
using System.Text;
using SummitBot.Hosting;
using SummitBot.Protocol.Replies;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Api;

/// <summary>
/// GET /articles and /articles/{id}: the articles as readable pages. Citations of articles with no known
/// original address link here, so every citation opens the text it cites.
/// </summary>
public static class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/articles", async (KnowledgeBase knowledge, CancellationToken cancellationToken) =>
            Page("Articles", ListOf(await knowledge.GetCorpusAsync(cancellationToken).ConfigureAwait(false))))
            .WithContentSecurityPolicy(ContentSecurityPolicy.ReadingPage);
        app.MapGet("/articles/{id}", async (string id, KnowledgeBase knowledge, CancellationToken cancellationToken) =>
            (await knowledge.GetCorpusAsync(cancellationToken).ConfigureAwait(false)).Find(id) is { } article
                ? Page(article.Title, Body(article))
                : Page("Not found", $"<p>There is no article with the id “{Encode(id)}”. <a href=\"/articles\">All articles</a></p>", StatusCodes.Status404NotFound))
            .WithContentSecurityPolicy(ContentSecurityPolicy.ReadingPage);
        return app;
    }

    private static string ListOf(Corpus corpus)
    {
        var html = new StringBuilder("<h1>Articles</h1><ul>");
        foreach (var article in corpus.Articles)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/articles/{Uri.EscapeDataString(article.Id)}\">{Encode(article.Title)}</a> <small>{Encode(Byline(article.Metadata))}</small></li>");
        }

        return html.Append("</ul>").ToString();
    }

    /// <summary>
    /// The text in paragraphs, each sentence marked <c>id="sN"</c> (from 1, as citations number them) so that a
    /// citation can link to the sentence it quotes.
    /// </summary>
    internal static string Paragraphs(string text)
    {
        var html = new StringBuilder("<p>");
        var end = 0;
        var sentences = SentenceSplitter.Split(text);
        for (var i = 0; i < sentences.Count; i++)
        {
            var (start, length) = sentences[i].GetOffsetAndLength(text.Length);
            html.Append(text[end..start].Contains('\n', StringComparison.Ordinal) ? "</p><p>" : text[end..start].Length > 0 ? " " : "");
            var sentence = Encode(text.Substring(start, length)).Replace("\n", "</span></p><p><span>", StringComparison.Ordinal);
            html.Append(CultureInfo.InvariantCulture, $"<span id=\"s{i + 1}\">{sentence}</span>");
            end = start + length;
        }

        return html.Append("</p>").ToString();
    }

    private static string Body(Article article)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Encode(article.Title)}</h1>");
        if (article.Metadata.TitleIsDerived)
        {
            html.Append("<p><small>The article has no headline; this title is its first sentence.</small></p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><small>{Encode(Byline(article.Metadata))}</small></p>");
        html.Append(Paragraphs(article.Text));

        if (ArticleLinks.Original(article.Metadata.Url) is { } url)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(url.AbsoluteUri)}\">Original article</a></p>");
        }

        return html.Append("<p><a href=\"/articles\">All articles</a></p>").ToString();
    }

    private static string Byline(ArticleMetadata metadata)
    {
        var parts = new[]
        {
            metadata.Outlet ?? "Outlet unknown",
            metadata.Author,
            metadata.Published?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "date unknown",
        };
        return string.Join(" · ", parts.Where(p => p is not null));
    }

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)} — SummitBot</title>" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>" +
            $"</head><body>{body}</body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
