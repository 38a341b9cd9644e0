using SummitBot.Conversations;

namespace SummitBot.Tests.Conversations;

public sealed class BotMentionTests
{
    private const string BotId = "28:bot-app-id";

    [Fact]
    public void MentionOfTheBot_IsRemovedByItsMarkup_CaseInsensitively()
    {
        var (text, mentioned) = BotMention.Strip("<AT>SummitBot</AT> who is the president?", [new Mention(BotId, "SummitBot", "<at>SummitBot</at>")], BotId);

        Assert.True(mentioned);
        Assert.Equal("who is the president?", text);
    }

    [Fact]
    public void MentionWithoutMarkup_IsRemovedByTheMentionedName()
    {
        var (text, mentioned) = BotMention.Strip("ok <at>Summit Bot</at> when?", [new Mention(BotId, "Summit Bot", null)], BotId);

        Assert.True(mentioned);
        Assert.Equal("ok  when?", text);
    }

    [Fact]
    public void BotIdIsMatchedCaseInsensitively()
    {
        var (_, mentioned) = BotMention.Strip("<at>Bot</at> hi", [new Mention("28:BOT-APP-ID", "Bot", "<at>Bot</at>")], BotId);

        Assert.True(mentioned);
    }

    [Fact]
    public void MentionsOfOtherPeople_StayInTheText_AndDoNotCountAsMentioningTheBot()
    {
        var (text, mentioned) = BotMention.Strip("<at>Ana</at> did you see this?", [new Mention("29:ana", "Ana", "<at>Ana</at>")], BotId);

        Assert.False(mentioned);
        Assert.Equal("<at>Ana</at> did you see this?", text);
    }

    [Fact]
    public void MarkupTypedWithoutAMentionEntity_IsNotAMention()
    {
        var (text, mentioned) = BotMention.Strip("<at>SummitBot</at> hello", [], BotId);

        Assert.False(mentioned);
        Assert.Equal("<at>SummitBot</at> hello", text);
    }
}
