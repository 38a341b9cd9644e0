using SummitBot.Answering;

namespace SummitBot.Tests.Answering;

public sealed class QuestionKindsTests
{
    [Theory]
    [InlineData("In which city did the two leaders hold their talks?", "city")]
    [InlineData("Which world leader is Lee seeing right after Tokyo?", "leader,world")]
    [InlineData("Which country's deepening military links with Pyongyang are mentioned?", "country")]
    [InlineData("What kind of cycle did Lee say the two sides resolved to build?", "cycle")]
    [InlineData("Which city will host the next summit?", "city")]
    [InlineData("Which city Lee visited first?", "city")]
    [InlineData("Where did they meet?", "")]
    [InlineData("What was the weather like in Tokyo?", "")]
    [InlineData("What did they agree on?", "")]
    public void AskedNouns_AreTheKindTheQuestionNames_MostLikelyFirst(string question, string nouns) =>
        Assert.Equal(nouns.Split(',', StringSplitOptions.RemoveEmptyEntries), QuestionKinds.AskedNouns(question));

    [Theory]
    [InlineData("How much money has South Korea promised to invest?", QuestionKind.Money)]
    [InlineData("How big is the LNG deal in dollars?", QuestionKind.Money)]
    [InlineData("How many troops are there?", QuestionKind.Quantity)]
    [InlineData("Do all the articles give the same dates for the meeting?", QuestionKind.When)]
    public void Of_ReadsTheKindOfAnswerWanted(string question, QuestionKind kind) => Assert.Equal(kind, QuestionKinds.Of(question));
}
