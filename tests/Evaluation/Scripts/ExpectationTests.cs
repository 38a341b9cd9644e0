using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;

namespace SummitBot.Tests.Evaluation.Scripts;

public sealed class ExpectationTests
{
    private static readonly BotReply TokyoAnswer = new(["They met at the Prime Minister's residence in TOKYO [1]."], Grounded: true, ["venue-article"]);
    private static readonly BotReply Refusal = new(["The articles do not cover that."], Grounded: false, []);

    [Theory]
    [InlineData(new[] { "tokyo" }, true)]
    [InlineData(new[] { "Osaka", "residence" }, true)]
    [InlineData(new[] { "Osaka", "Seoul" }, false)]
    public void Any_PassesWhenAtLeastOnePhraseIsInTheAnswer_IgnoringCase(string[] any, bool passes)
    {
        var failures = Expect(any: any).Verify(TokyoAnswer);

        Assert.Equal(passes, failures.Count == 0);
        if (!passes)
        {
            Assert.Equal("any: none of [\"Osaka\", \"Seoul\"] is in the answer", Assert.Single(failures));
        }
    }

    [Fact]
    public void All_ListsEveryMissingPhrase()
    {
        var failures = Expect(all: ["Tokyo", "Saturday", "residence", "Monday"]).Verify(TokyoAnswer);

        Assert.Equal("all: [\"Saturday\", \"Monday\"] missing from the answer", Assert.Single(failures));
    }

    [Fact]
    public void None_FailsOnAnyForbiddenPhraseFound()
    {
        Assert.Empty(Expect(none: ["Seoul"]).Verify(TokyoAnswer));
        Assert.Equal("none: [\"tokyo\"] found in the answer", Assert.Single(Expect(none: ["Seoul", "tokyo"]).Verify(TokyoAnswer)));
    }

    [Fact]
    public void Matching_TreatsCurlyAndStraightQuotesAndDashesAlike_AndSkipsCitationMarkers()
    {
        var reply = new BotReply(["Japan’s colonial rule lasted 1910–1945 [2], in Tokyo [1]."], true, ["a"]);

        Assert.Empty(Expect(all: ["Japan's colonial rule", "1910-1945", "in Tokyo."]).Verify(reply));
    }

    [Fact]
    public void Matching_CollapsesLineBreaksAndRepeatedSpaces()
    {
        var reply = new BotReply(["The prime\n  minister's   residence"], true, ["a"]);

        Assert.Empty(Expect(any: ["prime minister's residence"]).Verify(reply));
    }

    [Fact]
    public void Cites_PassesWhenAnyListedArticleIsCited()
    {
        Assert.Empty(Expect(cites: ["other-article", "venue-article"]).Verify(TokyoAnswer));

        var failure = Assert.Single(Expect(cites: ["other-article"]).Verify(TokyoAnswer));
        Assert.Equal("cites: none of [\"other-article\"] cited (cited venue-article)", failure);
        Assert.Contains("(cited nothing)", Assert.Single(Expect(cites: ["other-article"]).Verify(Refusal)), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesTrue_NeedsAnUngroundedReplyThatCitesNothing()
    {
        var refuses = Expect(refuses: true);

        Assert.Empty(refuses.Verify(Refusal));
        Assert.Single(refuses.Verify(TokyoAnswer));
        Assert.Single(refuses.Verify(new BotReply(["Not covered, but see [1]."], Grounded: false, ["venue-article"])));
    }

    [Fact]
    public void RefusesFalse_NeedsAGroundedReply()
    {
        var answers = Expect(refuses: false);

        Assert.Empty(answers.Verify(TokyoAnswer));
        Assert.Equal("refuses: expected a grounded answer, got a refusal", Assert.Single(answers.Verify(Refusal)));
    }

    [Fact]
    public void Verify_ReportsEveryUnmetExpectation_AndPassesOnlyWhenAllHold()
    {
        var expectation = new Expectation(["Osaka"], ["Monday"], ["Tokyo"], ["other-article"], Refuses: true);

        Assert.Equal(5, expectation.Verify(TokyoAnswer).Count);
        Assert.Empty(new Expectation(["Tokyo"], ["residence"], ["Seoul"], ["venue-article"], Refuses: false).Verify(TokyoAnswer));
    }

    private static Expectation Expect(string[]? any = null, string[]? all = null, string[]? none = null, string[]? cites = null, bool? refuses = null) =>
        new(any ?? [], all ?? [], none ?? [], cites ?? [], refuses);
}
