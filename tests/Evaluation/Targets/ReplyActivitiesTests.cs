using SummitBot.Evaluation.Targets;
using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Evaluation.Targets;

public sealed class ReplyActivitiesTests
{
    [Fact]
    public void Read_CitationUrls_NameArticlesByTheirOwnAddressOrTheBotsArticlePage()
    {
        var reply = ReplyActivities.Read(Message("Text [1][2][3][4].",
            "https://news.example/tokyo-talks/",
            "https://bot.example/articles/trade-article.txt?x=1",
            "https://bot.example/articles/venue-article",
            "https://elsewhere.example/page"), TestArticles.Catalog);

        Assert.Equal([TestArticles.Venue, TestArticles.Trade, "https://elsewhere.example/page"], reply.CitedArticleIds);
        Assert.True(reply.Grounded);
    }

    [Fact]
    public void Read_SeveralMessages_KeepsEachText()
    {
        var reply = ReplyActivities.Read("""
            { "activities": [
              { "type": "message", "text": "First." },
              { "type": "event", "name": "x" },
              { "type": "message", "text": "Second." }
            ] }
            """, TestArticles.Catalog);

        Assert.Equal(["First.", "Second."], reply.Texts);
        Assert.Equal("First.\n\nSecond.", reply.Text);
        Assert.True(reply.Refused);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"activities\": [ { \"type\": \"typing\" } ] }")]
    public void Read_NoMessage_IsAnError_NotASilentRefusal(string body)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReplyActivities.Read(body, TestArticles.Catalog));

        Assert.Contains("expectReplies", error.Message, StringComparison.Ordinal);
    }

    private static string Message(string text, params string[] urls) => $$"""
        { "activities": [ { "type": "message", "text": "{{text}}", "entities": [
          { "type": "clientInfo", "locale": "en-US" },
          { "type": "https://schema.org/Message", "@type": "Message", "citation": [
            {{string.Join(",", urls.Select((u, i) => $$"""{ "@type": "Claim", "position": {{i + 1}}, "appearance": { "@type": "DigitalDocument", "name": "n", "url": "{{u}}" } }"""))}}
          ] } ] } ] }
        """;
}
