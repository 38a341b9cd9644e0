using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.WebChat;

/// <summary>The chat page at / as a browser receives it; the browser tests (ChatPageBrowserTests) use it for real.</summary>
public sealed partial class ChatPageTests
{
    [Fact]
    public async Task Page_HasTheConfiguredTitle_TheDescription_AndEveryArticleLinked()
    {
        await using var bot = await BotHost.StartAsync(answers: null, ["ChatPage:Title=Summit <Desk>", "ChatPage:Description=Ask & learn."]);

        var html = await bot.Client.GetStringAsync("/");

        Assert.Contains("<title>Summit &lt;Desk&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Ask &amp; learn.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/articles/reuters-ishiba-lee-affirm-cooperation\">", html, StringComparison.Ordinal);
        Assert.Equal((await TestAnswers.Knowledge.GetCorpusAsync(CancellationToken.None)).Articles.Count, ArticleLink().Count(html));
    }

    [Fact]
    public async Task Page_AllowsOnlyItsOwnOrigin_AndHasNoInlineScript()
    {
        await using var bot = await BotHost.StartAsync(answers: null);

        using var response = await bot.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.Contains($"data-style-nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.All(Scripts().Matches(html), script => Assert.Matches("^<script src=\"/webchat/[^\"]+\"></script>$", script.Value));
        Assert.NotEqual(nonce, Nonce().Match((await bot.Client.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value);
    }

    [Fact]
    public async Task PagesToken_StartsADirectLineConversation()
    {
        await using var bot = await BotHost.StartAsync(answers: null);
        var client = new DirectLineClient(bot.Client);

        using var response = await bot.Client.PostAsync("/webchat/token", content: null);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var started = await client.StartAsync((string)token["token"]!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((string?)token["conversationId"], (string?)started["conversationId"]);
    }

    [Fact]
    public async Task PageScriptAndStyle_AreServedWithTheirTypes()
    {
        await using var bot = await BotHost.StartAsync(answers: null);

        using var script = await bot.Client.GetAsync("/webchat/chat.js");
        using var style = await bot.Client.GetAsync("/webchat/chat.css");

        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("renderWebChat", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("<li><a href=\"/articles/")]
    private static partial Regex ArticleLink();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*>[^<]*</script>")]
    private static partial Regex Scripts();
}
