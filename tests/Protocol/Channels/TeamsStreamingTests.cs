using SummitBot.Protocol.Activities;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Channels;

/// <summary>With a step that writes drafts (a chat model), a Teams personal chat gets the answer in Teams' streaming protocol.</summary>
public sealed class TeamsStreamingTests : IAsyncLifetime
{
    private FakeChannel channel = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        channel = await FakeChannel.StartAsync();
        bot = await BotHost.StartAsync(new DraftingAnswerStep(), ["Conversations:DraftInterval=00:00:00"]);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await channel.DisposeAsync();
    }

    [Fact]
    public async Task PersonalChat_GetsNumberedDraftsInOneStream_ThenTheFinalMessage()
    {
        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        var final = await channel.WaitForMessageAsync();
        var drafts = channel.Posted.Select(p => p.Activity).Where(a => a.Type == ActivityTypes.Typing && a.Text is not null).ToList();
        Assert.Equal(["They met", "They met in Tokyo", "They met in Tokyo [1]."], drafts.Select(d => d.Text));
        var info = drafts.Select(d => Assert.Single(d.Entities!.OfType<StreamInfoEntity>())).ToList();
        Assert.Equal([1, 2, 3], info.Select(i => i.StreamSequence));
        Assert.All(info, i => Assert.Equal(StreamTypes.Streaming, i.StreamType));
        Assert.Null(info[0].StreamId);
        var streamId = info[1].StreamId;
        Assert.False(string.IsNullOrEmpty(streamId));
        Assert.Equal(streamId, info[2].StreamId);
        var end = Assert.Single(final.Entities!.OfType<StreamInfoEntity>());
        Assert.Equal(StreamTypes.Final, end.StreamType);
        Assert.Equal(streamId, end.StreamId);
        Assert.Null(end.StreamSequence);
        Assert.Single(final.Entities!.OfType<MessageEntity>());
        Assert.Equal("They met in Tokyo [1].", final.Text);
    }

    [Fact]
    public async Task GroupChat_GetsTheAnswerWhole()
    {
        await bot.PostActivityAsync(Fixtures.Load("teams-groupchat-mention", channel));

        var final = await channel.WaitForMessageAsync();
        Assert.DoesNotContain(channel.Posted, p => p.Activity.Type == ActivityTypes.Typing && p.Activity.Text is not null);
        Assert.Empty(final.Entities!.OfType<StreamInfoEntity>());
    }

    [Fact]
    public async Task WhenTheFirstDraftFails_TheAnswerArrivesWhole()
    {
        // The typing indicator takes the first failure; the first draft the second.
        channel.FailNext(System.Net.HttpStatusCode.BadRequest, times: 2);

        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        var final = await channel.WaitForMessageAsync();
        Assert.Single(channel.Posted, p => p.Activity.Type == ActivityTypes.Typing && p.Activity.Text is not null);
        Assert.Empty(final.Entities!.OfType<StreamInfoEntity>());
        Assert.Equal("They met in Tokyo [1].", final.Text);
    }
}
