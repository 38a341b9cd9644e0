using SummitBot.Answering;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Replies;

namespace SummitBot.Tests.Protocol.Replies;

public sealed class AnswerActivityTests
{
    private static readonly ArticleLinks Links = new(new Uri("https://bot.example/"));

    [Fact]
    public void LongTitlesAndExcerpts_AreShortenedToTeamsLimits()
    {
        var citation = new Citation(1, "a1", new string('T', 200), null, null, new string('e', 400), null);

        var claim = Assert.Single(Root(Create(ChannelIds.MsTeams, citation)).Citation!);

        Assert.Equal(80, claim.Appearance.Name.Length);
        Assert.Equal(160, claim.Appearance.Abstract!.Length);
        Assert.EndsWith("…", claim.Appearance.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanTwentyCitations_KeepsTheFirstTwentyByNumber()
    {
        var citations = Enumerable.Range(1, 25).Reverse().Select(n => new Citation(n, $"a{n}", $"Title {n}", null, null, "x", null)).ToArray();

        var claims = Root(Create(ChannelIds.MsTeams, citations)).Citation!;

        Assert.Equal(Enumerable.Range(1, 20), claims.Select(c => c.Position));
    }

    [Fact]
    public void CitationUrl_IsTheOriginalAddressWhenKnown_ElseTheBotsArticlePage()
    {
        var withUrl = new Citation(1, "known", "Known", null, null, "x", "https://news.example/story");
        var withoutUrl = new Citation(2, "has space", "Unknown", null, null, "x", null);

        var claims = Root(Create(ChannelIds.MsTeams, withUrl, withoutUrl)).Citation!;

        Assert.Equal("https://news.example/story", claims[0].Appearance.Url);
        Assert.Equal("https://bot.example/articles/has%20space", claims[1].Appearance.Url);
    }

    [Theory]
    [InlineData("javascript:alert(document.domain)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox")]
    [InlineData("//news.example/story")]
    public void CitationUrlThatIsNotHttp_IsNeverALink_InTheClaimOrTheSourceList(string url)
    {
        var citation = new Citation(1, "a1", "Title", null, null, "x", url);

        var teams = Create(ChannelIds.MsTeams, citation);
        var webChat = Create(ChannelIds.WebChat, citation);
        var other = Create("slack", citation);

        Assert.Equal("https://bot.example/articles/a1", Assert.Single(Root(teams).Citation!).Appearance.Url);
        Assert.Equal("https://bot.example/articles/a1", Assert.Single(Root(webChat).Citation!).Url);
        Assert.EndsWith("- [1] [Title](https://bot.example/articles/a1)", other.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(url, other.Text + webChat.Text + Assert.Single(Root(webChat).Citation!).Appearance.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CitationWithoutATitle_IsNamedByItsArticleId()
    {
        var claim = Assert.Single(Root(Create(ChannelIds.MsTeams, new Citation(1, "ishiba-lee-joint-announcement", " ", null, null, "x", null))).Citation!);

        Assert.Equal("ishiba-lee-joint-announcement", claim.Appearance.Name);
    }

    [Fact]
    public void UngroundedAnswer_HasTheAiLabelButNoCitationsOrSourcesList()
    {
        var activity = AnswerActivity.Create(Message(ChannelIds.WebChat), Answer.NotCovered("The articles don't say."), Links);

        var root = Root(activity);
        Assert.Null(root.Citation);
        Assert.Equal(["AIGeneratedContent"], root.AdditionalType);
        Assert.Equal("The articles don't say.", activity.Text);
    }

    [Fact]
    public void FeedbackButtons_AreOnlyOnTeams()
    {
        var citation = new Citation(1, "a1", "T", null, null, "x", null);

        Assert.IsType<TeamsChannelData>(Create(ChannelIds.MsTeams, citation).ChannelData);
        Assert.Null(Create(ChannelIds.Emulator, citation).ChannelData);
    }

    [Fact]
    public void SourcesList_OnChannelsThatRenderNoCitations_EscapesBracketsInTitles()
    {
        var activity = Create("slack", new Citation(1, "a1", "Lee [Seoul] and Ishiba", "Outlet", null, "x", null));

        Assert.EndsWith("- [1] [Lee \\[Seoul\\] and Ishiba](https://bot.example/articles/a1) — Outlet", activity.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChannelIds.DirectLine)]
    [InlineData(ChannelIds.WebChat)]
    [InlineData(ChannelIds.Emulator)]
    public void WebChat_GetsLinkDefinitionsMatchingItsClaims_AndSpacedMarkers(string channel)
    {
        var citations = new[]
        {
            new Citation(1, "a1", "Title \"one\"", "Outlet", "2025-08-23", "Lee *met* Ishiba.", null, 4),
            new Citation(2, "a2", "Two", null, null, "Second.", "https://news.example/two"),
        };

        var activity = AnswerActivity.Create(Message(channel), new Answer("They met [1][2].", true, citations), Links);

        Assert.Equal("They met [1] [2].\n\n[1]: cite:1 \"Title \\\"one\\\"\"\n[2]: cite:2 \"Two\"", activity.Text);
        var claims = Root(activity).Citation!;
        Assert.Equal(["cite:1", "cite:2"], claims.Select(c => c.Id));
        Assert.Equal([1, 2], claims.Select(c => c.Position));
        Assert.Equal("> Lee \\*met\\* Ishiba.\n\n[Title \"one\"](https://bot.example/articles/a1#s4) — Outlet, 2025-08-23", claims[0].Appearance.Text);
        Assert.Null(claims[0].Appearance.Url);
        Assert.Equal("https://news.example/two", claims[1].Url);
        Assert.Null(activity.ChannelData);
    }

    private static Activity Message(string channel) => new() { Type = "message", ChannelId = channel };

    private static Activity Create(string channel, params Citation[] citations) =>
        AnswerActivity.Create(Message(channel), new Answer("Text [1].", true, citations), Links);

    private static MessageEntity Root(Activity activity) => Assert.IsType<MessageEntity>(Assert.Single(activity.Entities!));
}
