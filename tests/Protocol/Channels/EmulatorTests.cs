using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Channels;

/// <summary>The Bot Framework Emulator: serviceUrl with no path and no trailing slash, `|` in conversation ids.</summary>
public sealed class EmulatorTests : BotWithChannelTest
{
    [Fact]
    public async Task ConversationUpdateWithUserAndBot_GreetsOnlyTheUser_InReplyToTheUpdate()
    {
        await Bot.PostActivityAsync(Fixtures.Load("emulator-conversation-update", Channel));
        await Bot.PostActivityAsync(Fixtures.Load("emulator-message", Channel));

        await Channel.WaitForMessageAsync(count: 2);
        var welcome = Assert.Single(Channel.Posted, p => p.Activity.SuggestedActions is not null && p.Activity.Entities is null);
        Assert.StartsWith("Hi User!", welcome.Activity.Text, StringComparison.Ordinal);
        Assert.Equal(
            "/v3/conversations/3c2f1a90-5b4e-11f0-a1b2-c3d4e5f6a7b8%7Clivechat/activities/4a5b6c70-5b4e-11f0-a1b2-c3d4e5f6a7b8",
            welcome.Path);
    }

    [Fact]
    public async Task Message_IsAnsweredWithoutAnAuthorizationHeaderInAnonymousMode()
    {
        await Bot.PostActivityAsync(Fixtures.Load("emulator-message", Channel));

        var answer = await Channel.WaitForMessageAsync();
        // The Emulator is Web Chat: the citations once, as numbered references, not a written-out list as well.
        Assert.StartsWith("You asked: Who is South Korea's president? [1]\n\n[1]: cite:1 ", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sources:", answer.Text, StringComparison.Ordinal);
        Assert.All(Channel.Posted, p => Assert.Empty(p.Authorization));
        Assert.Equal("b7c8d9e0-1f2a-4b3c-9d4e-5f6a7b8c9d0e", answer.From?.Id);
        Assert.Equal("Bot", answer.From?.Name);
    }
}
