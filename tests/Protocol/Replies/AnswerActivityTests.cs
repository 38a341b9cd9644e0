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

        var activity = Create(ChannelIds.WebChat, citation);

        Assert.Equal("https://bot.example/articles/a1", Assert.Single(Root(activity).Citation!).Appearance.Url);
        Assert.EndsWith("- [1] [Title](https://bot.example/articles/a1)", activity.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(url, activity.Text, StringComparison.Ordinal);
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
    public void SourcesList_EscapesBracketsInTitles()
    {
        var activity = Create(ChannelIds.DirectLine, new Citation(1, "a1", "Lee [Seoul] and Ishiba", "Outlet", null, "x", null));

        Assert.EndsWith("- [1] [Lee \\[Seoul\\] and Ishiba](https://bot.example/articles/a1) — Outlet", activity.Text, StringComparison.Ordinal);
    }

    private static Activity Message(string channel) => new() { Type = "message", ChannelId = channel };

    private static Activity Create(string channel, params Citation[] citations) =>
        AnswerActivity.Create(Message(channel), new Answer("Text [1].", true, citations), Links);

    private static MessageEntity Root(Activity activity) => Assert.IsType<MessageEntity>(Assert.Single(activity.Entities!));
}
