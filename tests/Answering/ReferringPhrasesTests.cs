using SummitBot.Answering;

namespace SummitBot.Tests.Answering;

public sealed class ReferringPhrasesTests
{
    private static readonly string[] Principals = ["Lee Jae Myung", "Shigeru Ishiba"];

    [Theory]
    [InlineData("Where had the two leaders met for the first time?", "Where had Lee Jae Myung and Shigeru Ishiba met for the first time?")]
    [InlineData("What did both men agree?", "What did Lee Jae Myung and Shigeru Ishiba agree?")]
    [InlineData("What did The Leaders discuss?", "What did Lee Jae Myung and Shigeru Ishiba discuss?")]
    public void PhraseForThePrincipals_IsWrittenOutAsTheirNames(string question, string resolved) =>
        Assert.Equal(resolved, ReferringPhrases.Resolve(question, Principals));

    [Theory]
    [InlineData("What did the two countries agree?")]
    [InlineData("Which leader did Lee meet after Tokyo?")]
    [InlineData("What did the leaders of China and Russia say?")]
    public void OtherWords_AreLeftAlone(string question) => Assert.Equal(question, ReferringPhrases.Resolve(question, Principals));

    [Fact]
    public void WithoutPrincipals_NothingIsResolved() =>
        Assert.Equal("Where did the two leaders meet?", ReferringPhrases.Resolve("Where did the two leaders meet?", []));
}
