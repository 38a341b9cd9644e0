using SummitBot.Answering;

namespace SummitBot.Tests.Answering;

public sealed class TenseTests
{
    [Theory]
    [InlineData("Lee will meet Ishiba in Tokyo.", "meet", true)]
    [InlineData("Lee and Trump are expected to address security concerns.", "address", true)]
    [InlineData("Lee met Ishiba in Tokyo.", "met", false)]
    [InlineData("Lee landed for a summit that is likely to reinforce cooperation.", "summit", false)]   // the future is the cooperation's
    [InlineData("Lee will meet Ishiba since assuming office in June.", "assuming", false)]
    public void FutureMarker_MakesUpcoming_OnlyTheWordItGoverns(string sentence, string word, bool upcoming) =>
        Assert.Equal(upcoming, Tense.IsUpcoming(sentence, [sentence.IndexOf(word, StringComparison.Ordinal)]));
}
