using SummitBot.Answering;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Answering;

public sealed class ComparisonAnswerTests
{
    [Theory]
    [InlineData("Do all the articles give the same dates for the Tokyo meeting?")]
    [InlineData("Does every article treat the July election as already over?")]
    [InlineData("Do the reports disagree about the troop numbers?")]
    public void ComparisonQuestion_IsRecognised(string question) => Assert.True(ComparisonQuestion.IsAsked(question));

    [Theory]
    [InlineData("Where did Lee and Ishiba meet?")]
    [InlineData("What did Lee say about the articles of the agreement?")]
    public void OrdinaryQuestion_IsNotAComparison(string question) => Assert.False(ComparisonQuestion.IsAsked(question));

    [Fact]
    public async Task Comparison_GivesEachArticlesOwnAccount_EachCitingOnlyItsArticle()
    {
        var answer = await TestAnswers.AskAsync("Do all the articles give the same dates for the Tokyo meeting?");

        Assert.True(answer.Grounded);
        Assert.StartsWith(AnswerComposer.AccountsLead, answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Citations.Count >= 2, answer.Text);
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.ArticleId).Distinct().Count());
        foreach (var citation in answer.Citations)
        {
            Assert.Contains($"[{citation.N}]", answer.Text, StringComparison.Ordinal);
        }

        // The preview article's "August 23–24" against the others' "Saturday": the difference is there to see.
        Assert.Contains("August 23–24", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Saturday", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparisonFollowUp_ComparesWhatTheConversationIsAbout()
    {
        var answer = await TestAnswers.AskAsync(
            "Does every article treat that election as already over?",
            new ConversationTurn("What happened to Ishiba's party in Japan's July election?", "…"));

        Assert.Contains("election loss", answer.Text, StringComparison.Ordinal);
        Assert.Contains("upcoming Upper House elections", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparison_TheArticlesDoNotCover_IsDeclined()
    {
        var answer = await TestAnswers.AskAsync("Do all the articles agree on who won the 2022 World Cup?");

        Assert.False(answer.Grounded, answer.Text);
        Assert.Empty(answer.Citations);
    }
}
