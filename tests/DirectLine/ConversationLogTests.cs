using SummitBot.DirectLine;
using SummitBot.Protocol.Activities;

namespace SummitBot.Tests.DirectLine;

public sealed class ConversationLogTests
{
    private static readonly DateTimeOffset Now = new(2025, 8, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Appended_GetsDirectLineIdTimestampAndConversation_InOrder()
    {
        var log = new ConversationLog("abc", capacity: 10);

        var first = log.Append(new Activity { Type = "message", Text = "Hi" }, Now);
        var second = log.Append(new Activity { Type = "message", Text = "Hello!" }, Now.AddSeconds(1));

        Assert.Equal("abc|0000000", first.Id);
        Assert.Equal("abc|0000001", second.Id);
        Assert.Equal("2025-08-23T09:00:00.0000000Z", first.Timestamp);
        Assert.Equal("abc", second.Conversation?.Id);
        Assert.Equal("directline", second.ChannelId);
    }

    [Fact]
    public void After_AWatermark_GivesOnlyWhatCameLater_AndTheNextWatermark()
    {
        var log = new ConversationLog("abc", capacity: 10);
        log.Append(new Activity { Text = "one" }, Now);
        var (all, watermark) = log.After(null);
        log.Append(new Activity { Text = "two" }, Now);

        var (later, next) = log.After(watermark);

        Assert.Single(all);
        Assert.Equal("0", watermark);
        Assert.Equal("two", Assert.Single(later).Text);
        Assert.Equal("1", next);
        Assert.Empty(log.After(next).Activities);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-5")]
    public void UnreadableWatermark_GivesEverythingKept(string watermark)
    {
        var log = new ConversationLog("abc", capacity: 10);
        log.Append(new Activity { Text = "one" }, Now);

        Assert.Single(log.After(watermark).Activities);
    }

    [Fact]
    public void PastItsCapacity_TheOldestGo()
    {
        var log = new ConversationLog("abc", capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            log.Append(new Activity { Text = $"m{i}" }, Now);
        }

        var (kept, watermark) = log.After(null);

        Assert.Equal(["m2", "m3", "m4"], kept.Select(a => a.Text));
        Assert.Equal("4", watermark);
    }
}
