using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SummitBot.Answering;
using SummitBot.Conversations;
using SummitBot.DirectLine;
using SummitBot.Hosting;

namespace SummitBot.WebChat;

/// <summary>
/// GET /: the chat page visitors use, the official Web Chat over the bot's own Direct Line; POST /webchat/token: the
/// conversation token the page starts with (so the page holds no secret). Everything the page loads comes from the
/// bot's origin; its Content-Security-Policy allows nothing else, and no inline script at all.
/// </summary>
public static class ChatPage
{
    public const string ScriptAddress = "/webchat/chat.js";
    public const string StyleAddress = "/webchat/chat.css";
    public const string TokenAddress = "/webchat/token";

    private static readonly string Script = EmbeddedText.Read("SummitBot.WebChat.chat.js");
    private static readonly string Style = EmbeddedText.Read("SummitBot.WebChat.chat.css");

    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", RenderAsync);
        app.MapGet(ScriptAddress, (HttpContext context) => Asset(context, Script, "text/javascript; charset=utf-8"));
        app.MapGet(StyleAddress, (HttpContext context) => Asset(context, Style, "text/css; charset=utf-8"));
        app.MapPost(TokenAddress, (DirectLineTokens tokens) => Results.Json(tokens.ForNewConversation())).WithMetadata(DirectLineLimit.Tokens);
        return app;
    }

    private static async Task<IResult> RenderAsync(HttpContext context, ISourceCatalog sources, IOptions<ChatPageOptions> page, IOptions<AnswerOptions> answering)
    {
        var articles = await sources.ListAsync(context.RequestAborted).ConfigureAwait(false);

        // Web Chat writes its styles into <style> elements at run time; a nonce lets exactly those in, not 'unsafe-inline'.
        // It draws its icons as blob: images, which only a script of the page can make.
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] =
            $"default-src 'none'; script-src 'self'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data: blob:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        var title = page.Value.Title;
        var description = string.IsNullOrWhiteSpace(page.Value.Description)
            ? $"Ask about {answering.Value.Topic}. Every answer cites the news articles it comes from."
            : page.Value.Description;
        return Results.Content(Html(title, description, articles, nonce), "text/html; charset=utf-8");
    }

    private static string Html(string title, string description, IReadOnlyList<SourceArticle> articles, string nonce)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="{StyleAddress}">
            </head>
            <body>
            <header>
            <h1>{Encode(title)}</h1>
            <p>{Encode(description)}</p>
            </header>
            <main>
            <div id="webchat" class="webchat" role="region" aria-label="Chat with {Encode(title)}" data-style-nonce="{nonce}" data-token-address="{TokenAddress}" data-direct-line="{DirectLineApi.BasePath}">
            <p class="status">Starting the chat…</p>
            <noscript><p class="status">The chat needs JavaScript. The articles are listed below.</p></noscript>
            </div>
            </main>
            <aside>
            <details id="articles">
            <summary><h2>The articles ({articles.Count})</h2></summary>
            <ul>

            """);
        foreach (var article in articles)
        {
            var byline = string.Join(", ", new[] { article.Outlet, article.Published?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) }.Where(s => !string.IsNullOrEmpty(s)));
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/articles/{Uri.EscapeDataString(article.Id)}\">{Encode(article.Title)}</a>");
            html.Append(byline.Length > 0 ? $" <small>{Encode(byline)}</small></li>\n" : "</li>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </ul>
            </details>
            </aside>
            <script src="{WebChatBundle.Address}"></script>
            <script src="{ScriptAddress}"></script>
            </body>
            </html>

            """);
        return html.ToString();
    }

    /// <summary>Small and built into the bot: sent whole, revalidated each time so a new build is picked up at once.</summary>
    private static IResult Asset(HttpContext context, string text, string contentType)
    {
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return Results.Text(text, contentType);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
