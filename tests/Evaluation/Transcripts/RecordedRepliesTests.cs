using SummitBot.Evaluation.Targets;
using SummitBot.Evaluation.Transcripts;

namespace SummitBot.Tests.Evaluation.Transcripts;

/// <summary>Recorded and live replies are compared alike: text without the channel's source list or markers, then actions and attachments where recorded.</summary>
public sealed class RecordedRepliesTests
{
    [Fact]
    public void Verify_TheSameTextWithDifferentWhitespace_Passes()
    {
        var recorded = new RecordedReplies(Messages("They met in\n  Tokyo [1]. "));

        Assert.Empty(recorded.Verify(new BotReply(["They met in Tokyo [1]."], true, ["a"])));
    }

    [Fact]
    public void Verify_DifferentWordsOrCase_Fails()
    {
        var recorded = new RecordedReplies(Messages("They met in Tokyo."));

        Assert.Equal("reply 1: expected \"They met in Tokyo.\"", Assert.Single(recorded.Verify(new BotReply(["They met in tokyo."], true, []))));
    }

    [Fact]
    public void Verify_ADifferentNumberOfMessages_Fails()
    {
        var recorded = new RecordedReplies(Messages("One.", "Two."));

        Assert.Equal("replies: expected 2 message(s), got 1", Assert.Single(recorded.Verify(new BotReply(["One."], true, []))));
    }

    [Theory]
    [InlineData("They met in Tokyo [1].\n\n[1]: cite:1 \"Tokyo talks\"", "They met in Tokyo.")]                                 // Web Chat, the Emulator, Direct Line
    [InlineData("They met in Tokyo [1].\n\nSources:\n\n- [Tokyo talks](https://example.org/a)", "They met in Tokyo [1][2].")]   // Teams, against a reply with other markers
    [InlineData("They met in Tokyo.", "They met in Tokyo [1].\n\n[1]: cite:1 \"Tokyo talks\"")]                                // the other way round
    public void Verify_TheSourcesListAndMarkers_AreLeftOutOnBothSides(string recordedText, string liveText)
    {
        var recorded = new RecordedReplies(Messages(recordedText));

        Assert.Empty(recorded.Verify(new BotReply([ReplyActivities.AnswerText(liveText)], true, [])));
    }

    [Fact]
    public void Verify_RecordedSuggestedActions_MustComeBackInOrder()
    {
        var recorded = new RecordedReplies([new ReplyMessage("Hello!", ["Where did they meet?", "What did they agree?"], [])]);

        var same = Live(new ReplyMessage("Hello!", ["Where did they meet?", "What did they agree?"], []));
        var other = Live(new ReplyMessage("Hello!", ["What did they agree?"], []));

        Assert.Empty(recorded.Verify(same));
        Assert.Equal("reply 1: expected suggested actions [Where did they meet? | What did they agree?], got [What did they agree?]", Assert.Single(recorded.Verify(other)));
    }

    [Fact]
    public void Verify_ActionsAndAttachmentsNotRecorded_AreNotCompared_ButRecordedAttachmentsAre()
    {
        var bare = new RecordedReplies(Messages("Hello!"));
        var withCard = new RecordedReplies([new ReplyMessage("Hello!", [], ["application/vnd.microsoft.card.adaptive"])]);
        var live = Live(new ReplyMessage("Hello!", ["Where did they meet?"], []));

        Assert.Empty(bare.Verify(live));
        Assert.Equal("reply 1: expected attachments [application/vnd.microsoft.card.adaptive], got []", Assert.Single(withCard.Verify(live)));
    }

    private static ReplyMessage[] Messages(params string[] texts) => [.. texts.Select(t => new ReplyMessage(t, [], []))];

    private static BotReply Live(ReplyMessage message) => new([message], true, []);
}
