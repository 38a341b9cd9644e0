using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Channels;

/// <summary>The Bot Framework Emulator: serviceUrl with no path and no trailing slash, `|` in conversation ids.</summary>
public sealed class EmulatorTests : IAsyncLifetime
{
    private readonly RecordingAnswerStep answers = new();
    private FakeChannel channel = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        channel = await FakeChannel.StartAsync();
        bot = await BotHost.StartAsync(answers);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await channel.DisposeAsync();
    }

    [Fact]
    public async Task ConversationUpdateWithUserAndBot_GreetsOnlyTheUser_InReplyToTheUpdate()
    {
        await bot.PostActivityAsync(Fixtures.Load("emulator-conversation-update", channel));
        await bot.PostActivityAsync(Fixtures.Load("emulator-message", channel));

        await channel.WaitForMessageAsync(count: 2);
        var welcome = Assert.Single(channel.Posted, p => p.Activity.SuggestedActions is not null);
        Assert.StartsWith("Hi User!", welcome.Activity.Text, StringComparison.Ordinal);
        Assert.Equal(
            "/v3/conversations/3c2f1a90-5b4e-11f0-a1b2-c3d4e5f6a7b8%7Clivechat/activities/4a5b6c70-5b4e-11f0-a1b2-c3d4e5f6a7b8",
            welcome.Path);
    }

    [Fact]
    public async Task Message_IsAnsweredWithoutAnAuthorizationHeaderInAnonymousMode()
    {
        await bot.PostActivityAsync(Fixtures.Load("emulator-message", channel));

        var answer = await channel.WaitForMessageAsync();
        Assert.StartsWith("You asked: Who is South Korea's president? [1]\n\nSources:", answer.Text, StringComparison.Ordinal);
        Assert.All(channel.Posted, p => Assert.Empty(p.Authorization));
        Assert.Equal("b7c8d9e0-1f2a-4b3c-9d4e-5f6a7b8c9d0e", answer.From?.Id);
        Assert.Equal("Bot", answer.From?.Name);
    }
}
