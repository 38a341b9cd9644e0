using SummitBot.Tests.Support;

namespace SummitBot.Tests.Api;

/// <summary>The article pages of a corpus whose one article names a script as its original address.</summary>
public sealed class ArticlesApiTests : IAsyncLifetime
{
    private const string ScriptUrl = "javascript:alert(document.domain)";
    private readonly DirectoryInfo corpus = Directory.CreateTempSubdirectory("summitbot-articles-");
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(corpus.FullName, "scripted.md"), $"""
            ---
            title: Lee and Ishiba meet in Tokyo
            outlet: Test Wire
            url: "{ScriptUrl}"
            ---
            Lee Jae Myung and Shigeru Ishiba met in Tokyo on 23 August 2025. They discussed trade.

            A second paragraph follows.
            """);
        bot = await BotHost.StartAsync(answers: null, [$"Retrieval:ArticlesPath={corpus.FullName}"]);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        corpus.Delete(recursive: true);
    }

    [Fact]
    public async Task ArticleWhoseOriginalAddressIsNotHttp_IsShownWithoutALinkToIt()
    {
        var page = await bot.Client.GetStringAsync("/articles/scripted");

        Assert.Contains("Lee Jae Myung and Shigeru Ishiba met in Tokyo", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Original article", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_MarksEverySentence_SoACitationCanLinkToTheOneItQuotes()
    {
        var page = await bot.Client.GetStringAsync("/articles/scripted");

        Assert.Contains("<span id=\"s1\">Lee Jae Myung and Shigeru Ishiba met in Tokyo on 23 August 2025.</span> <span id=\"s2\">They discussed trade.</span></p><p><span id=\"s3\">A second paragraph follows.</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_LinksItsCitationToTheQuotedSentence()
    {
        var answer = await bot.Services.GetRequiredService<SummitBot.Answering.IAnswerStep>().AnswerAsync("Was trade discussed?", [], CancellationToken.None);

        var citation = Assert.Single(answer.Citations);
        Assert.StartsWith("They discussed trade.", answer.Text, StringComparison.Ordinal);
        Assert.Equal(2, citation.Sentence);
        Assert.EndsWith("/articles/scripted#s2", new SummitBot.Protocol.Replies.ArticleLinks(new Uri("http://bot.example/")).For(citation.ArticleId, citation.Url, citation.Sentence).AbsoluteUri, StringComparison.Ordinal);
    }
}
