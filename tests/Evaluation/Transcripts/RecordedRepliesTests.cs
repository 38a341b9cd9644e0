using SummitBot.Evaluation.Targets;
using SummitBot.Evaluation.Transcripts;

namespace SummitBot.Tests.Evaluation.Transcripts;

public sealed class RecordedRepliesTests
{
    [Fact]
    public void Verify_TheSameTextWithDifferentWhitespace_Passes()
    {
        var recorded = new RecordedReplies(["They met in\n  Tokyo [1]. "]);

        Assert.Empty(recorded.Verify(new BotReply(["They met in Tokyo [1]."], true, ["a"])));
    }

    [Fact]
    public void Verify_DifferentWordsOrCase_Fails()
    {
        var recorded = new RecordedReplies(["They met in Tokyo."]);

        Assert.Equal("reply 1: expected \"They met in Tokyo.\"", Assert.Single(recorded.Verify(new BotReply(["They met in tokyo."], true, []))));
    }

    [Fact]
    public void Verify_ADifferentNumberOfMessages_Fails()
    {
        var recorded = new RecordedReplies(["One.", "Two."]);

        Assert.Equal("replies: expected 2 message(s), got 1", Assert.Single(recorded.Verify(new BotReply(["One."], true, []))));
    }
}
