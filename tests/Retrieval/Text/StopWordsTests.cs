using SummitBot.Retrieval.Text;

namespace SummitBot.Tests.Retrieval.Text;

public sealed class StopWordsTests
{
    [Fact]
    public void Parse_IgnoresCommentsAndBlankLinesAndTrimsEachWord()
    {
        var words = StopWords.Parse("# a header\n\n the \nwhich  # kept, comment dropped\r\n#hold\n");

        Assert.Equal(["the", "which"], words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_MatchesWithoutRegardToCase()
    {
        Assert.Contains("WHICH", StopWords.Parse("which"));
    }

    [Theory]
    [InlineData("the", true)]
    [InlineData("percentage", true)]
    [InlineData("took", true)]
    [InlineData("tariff", false)]
    [InlineData("summit", false)]
    public void ShippedList_DropsScaffoldingAndKeepsTopicWords(string word, bool dropped)
    {
        Assert.Equal(dropped, StopWords.Contains(word));
    }
}
