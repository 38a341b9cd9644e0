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

    [Fact]
    public async Task Applied_FromElsewhere_IsTakenInOrder_AndAGapIsRefusedUntilCaughtUp()
    {
        var log = new ConversationLog("abc", capacity: 10);
        using var listener = log.Listen();
        var waiting = log.WaitForAsync(3, CancellationToken.None);

        Assert.True(log.Apply(0, new Activity { Text = "zero" }, kept: true, Now));
        Assert.True(log.Apply(0, new Activity { Text = "again" }, kept: true, Now));   // already had it
        Assert.False(log.Apply(3, new Activity { Text = "three" }, kept: true, Now));   // 1 and 2 are missing
        Assert.False(waiting.IsCompleted);
        log.CatchUp([Kept(1, "one")], through: 2);   // 2 was a passing one, not kept
        Assert.True(log.Apply(3, new Activity { Text = "three" }, kept: true, Now));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["zero", "one", "three"], log.After(null).Activities.Select(a => a.Text));
        Assert.Equal(3, log.Last);
        var (streamed, seen) = await listener.ReadAsync(-1, CancellationToken.None);
        Assert.Equal(["zero", "one", "three"], streamed.Select(a => a.Text));
        Assert.Equal(3, seen);
    }

    [Fact]
    public void Stamp_NamesTheActivityByItsNumber_AsAppendDoes()
    {
        var log = new ConversationLog("abc", capacity: 10);

        var stamped = log.Stamp(id => new Activity { Text = "reply to " + id }, 42, Now);

        Assert.Equal("abc|0000042", stamped.Id);
        Assert.Equal("reply to abc|0000042", stamped.Text);
        Assert.Equal("abc", stamped.Conversation?.Id);
        Assert.Equal(-1, log.Last);   // stamping adds nothing
    }

    private static ConversationLog.Numbered Kept(long number, string text) => new(number, new Activity { Text = text }, Kept: true, Now);
}
