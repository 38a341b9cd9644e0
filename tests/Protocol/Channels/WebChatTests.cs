using System.Net;
using System.Text.Json;
using SummitBot.Protocol.Activities;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Channels;

/// <summary>Web Chat over Direct Line: citations in Web Chat's own shape; welcomes are not threaded.</summary>
public sealed class WebChatTests() : BotWithChannelTest(settings: ["BotProtocol:PublicBaseUrl=https://summitbot.example.org/bot"])
{
    [Fact]
    public async Task ConversationUpdate_WelcomeIsSentToTheConversation_NotAsAReply()
    {
        await Bot.PostActivityAsync(Fixtures.Load("directline-conversation-update", Channel));

        var welcome = await Channel.WaitForMessageAsync();
        Assert.Null(welcome.ReplyToId);
        Assert.Equal("/directline/v3/conversations/8tXyPyd7uaL9EsvQHuadvd-us/activities", Assert.Single(Channel.Posted).Path);
        Assert.StartsWith("Hi! I answer questions", welcome.Text, StringComparison.Ordinal);
        Assert.Equal(3, welcome.SuggestedActions!.Actions.Count);
    }

    [Fact]
    public async Task Answer_DefinesItsCitationsForWebChat_LinkedToTheConfiguredPublicAddress()
    {
        await Bot.PostActivityAsync(Fixtures.Load("webchat-message", Channel));

        var answer = await Channel.WaitForMessageAsync();
        Assert.Equal(
            "You asked: What did Lee and Ishiba agree on? [1]\n\n" +
            "[1]: cite:1 \"Japan's Ishiba, South Korea's Lee affirm cooperation before Lee meets Trump\"",
            answer.Text);
        var claim = Assert.Single(Assert.IsType<MessageEntity>(Assert.Single(answer.Entities!)).Citation!);
        Assert.Equal("cite:1", claim.Id);
        Assert.Equal("https://summitbot.example.org/bot/articles/reuters-ishiba-lee-affirm-cooperation", claim.Url);
        Assert.Null(claim.Appearance.Url);
        Assert.Contains("(https://summitbot.example.org/bot/articles/reuters-ishiba-lee-affirm-cooperation)", claim.Appearance.Text, StringComparison.Ordinal);
        Assert.Null(answer.ChannelData);
        Assert.Equal("fr-FR", answer.Locale);
        Assert.Equal("/directline/v3/conversations/8tXyPyd7uaL9EsvQHuadvd-us/activities/8tXyPyd7uaL9EsvQHuadvd-us%7C0000001", Channel.Posted[^1].Path);
    }

    [Fact]
    public async Task ExpectReplies_ReturnsTheAnswerInTheBody_AndPostsNothingToTheChannel()
    {
        var activity = Fixtures.Load("webchat-message", Channel).With("deliveryMode", "expectReplies");

        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.StartsWith("You asked: What did Lee and Ishiba agree on? [1]", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://schema.org/Message", reply.GetProperty("entities")[0].GetProperty("type").GetString());
        Assert.Equal("8tXyPyd7uaL9EsvQHuadvd-us|0000001", reply.GetProperty("replyToId").GetString());
        Assert.False(reply.TryGetProperty("channelData", out _), "null fields are omitted");
        Assert.Empty(Channel.Posted);
    }

    [Fact]
    public async Task EndOfConversation_DropsTheConversationsHistory()
    {
        var first = Fixtures.Load("webchat-message", Channel).With("deliveryMode", "expectReplies");
        await Bot.PostActivityAsync(first);

        var end = await Bot.PostActivityAsync(Fixtures.Load("webchat-end-of-conversation", Channel));
        await Bot.PostActivityAsync(first.With("text", "And after that?"));

        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        Assert.Empty(Answers.Calls[^1].History);
        Assert.Empty(Channel.Posted);
    }
}
