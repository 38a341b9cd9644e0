using System.Net;
using SummitBot.Conversations.Feedback;
using SummitBot.Protocol.Activities;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Channels;

/// <summary>Microsoft Teams activities (personal chat, group chat, channel) against the running bot.</summary>
public sealed class TeamsTests : IAsyncLifetime
{
    private const string BotId = "28:11111111-2222-3333-4444-555555555555";

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
    public async Task PersonalMessage_IsAcknowledgedWith200_ThenTypingAndTheAnswerArePostedAsRepliesToIt()
    {
        var response = await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var answer = await channel.WaitForMessageAsync();
        var posted = channel.Posted;
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], posted.Select(p => p.Activity.Type));
        Assert.All(posted, p => Assert.Equal("/teams/emea/v3/conversations/a%3A1xyzPersonalConversation/activities/1712345678901", p.Path));
        Assert.All(posted, p => Assert.Equal("application/json; charset=utf-8", p.ContentType));
        Assert.Equal("You asked: Who is South Korea's president? [1]", answer.Text);
        Assert.Equal("1712345678901", answer.ReplyToId);
        Assert.Equal(BotId, answer.From?.Id);
        Assert.Equal("29:1abcUserPersonal", answer.Recipient?.Id);
        Assert.Equal("a:1xyzPersonalConversation", answer.Conversation?.Id);
        Assert.Equal(InputHints.AcceptingInput, answer.InputHint);
        Assert.Equal(TextFormats.Markdown, answer.TextFormat);
    }

    [Fact]
    public async Task Answer_CarriesOneAiLabelledMessageEntityWithAClaimPerCitation_AndTheFeedbackButtons()
    {
        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        var answer = await channel.WaitForMessageAsync();
        var root = Assert.IsType<MessageEntity>(Assert.Single(answer.Entities!));
        Assert.Equal(["AIGeneratedContent"], root.AdditionalType);
        var claim = Assert.Single(root.Citation!);
        Assert.Equal(1, claim.Position);
        Assert.Equal(RecordingAnswerStep.ReutersCitation.Title, claim.Appearance.Name);
        Assert.Equal($"{bot.Client.BaseAddress}articles/reuters-ishiba-lee-affirm-cooperation", claim.Appearance.Url);
        Assert.True(claim.Appearance.Abstract!.Length <= 160);
        Assert.Contains("\"feedbackLoop\":{\"type\":\"default\"}", answer.ChannelData!.ToString()!.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // Teams shows the citations itself: the text is not followed by a list of sources.
        Assert.DoesNotContain("Sources", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupChatMention_IsStrippedBeforeTheQuestionReachesTheAnswerStep()
    {
        await bot.PostActivityAsync(Fixtures.Load("teams-groupchat-mention", channel));

        await channel.WaitForMessageAsync();
        Assert.Equal("who is South Korea's president?", Assert.Single(answers.Calls).Question);
        Assert.Contains(channel.Posted, p => p.Path == "/teams/emea/v3/conversations/19%3Ameeting_groupchat01%40thread.v2/activities/1712345679000");
    }

    [Fact]
    public async Task ChannelMentionWithoutMarkupInTheEntity_IsStrippedByTheMentionedName()
    {
        await bot.PostActivityAsync(Fixtures.Load("teams-channel-mention", channel));

        await channel.WaitForMessageAsync();
        Assert.Equal("what did they agree on?", Assert.Single(answers.Calls).Question);
        Assert.Contains(channel.Posted, p => p.Path.StartsWith("/teams/emea/v3/conversations/19%3A5f0e1d2c3b4a%40thread.tacv2%3Bmessageid%3D1712345680000/activities/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroupChatMessageWithoutMention_GetsNoReply()
    {
        var unaddressed = Fixtures.Load("teams-groupchat-mention", channel)
            .With("text", "lunch at noon, anyone?")
            .With("entities", null)
            .With("id", "1712345679001");
        var addressed = Fixtures.Load("teams-groupchat-mention", channel);

        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(unaddressed)).StatusCode);
        await bot.PostActivityAsync(addressed);

        // Turns of one conversation run in order, so once the second is answered the first was handled.
        await channel.WaitForMessageAsync();
        Assert.Equal("who is South Korea's president?", Assert.Single(answers.Calls).Question);
        Assert.DoesNotContain(channel.Posted, p => p.Activity.ReplyToId == "1712345679001");
    }

    [Fact]
    public async Task MembersAdded_GreetsTheUserButNotTheBot_WithThreeSuggestedQuestions()
    {
        var response = await bot.PostActivityAsync(Fixtures.Load("teams-members-added", channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = await channel.WaitForMessageAsync();
        Assert.StartsWith("Hi Ana Costa! I answer questions about the 23 August 2025 Tokyo summit", welcome.Text, StringComparison.Ordinal);
        var actions = welcome.SuggestedActions!.Actions;
        Assert.Equal(3, actions.Count);
        Assert.All(actions, a => Assert.Equal(CardAction.ImBack, a.Type));
        Assert.All(actions, a => Assert.Equal(a.Title, a.Value));
        Assert.Equal("f:1712345670000", welcome.ReplyToId);
        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));
        await channel.WaitForMessageAsync(count: 2);
        Assert.Single(channel.Posted, p => p.Activity.SuggestedActions is not null);
    }

    [Fact]
    public async Task FeedbackInvoke_IsStoredWithReactionTextAndRatedMessage_AndAnsweredWith200AndAnEmptyBody()
    {
        var response = await bot.PostActivityAsync(Fixtures.Load("teams-feedback-invoke", channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var stored = Assert.Single(await bot.Services.GetRequiredService<IFeedbackStore>().ListAsync(CancellationToken.None));
        Assert.Equal("dislike", stored.Reaction);
        Assert.Equal("It missed the date of the summit.", stored.Text);
        Assert.Equal("1712345678999", stored.RatedMessageId);
        Assert.Equal("29:1abcUserPersonal", stored.UserId);
        Assert.Equal(new("msteams", "a:1xyzPersonalConversation"), stored.Conversation);
        Assert.Empty(channel.Posted);
    }

    [Fact]
    public async Task FeedbackInvokeWithoutAReaction_Is400AndStoresNothing()
    {
        var invoke = Fixtures.Load("teams-feedback-invoke", channel).With("value", new System.Text.Json.Nodes.JsonObject { ["actionName"] = "feedback" });

        var response = await bot.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await bot.Services.GetRequiredService<IFeedbackStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OtherInvoke_Is501()
    {
        var response = await bot.PostActivityAsync(Fixtures.Load("teams-compose-extension-invoke", channel));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task InstallationUpdate_Is200WithNoReply()
    {
        var response = await bot.PostActivityAsync(Fixtures.Load("teams-installation-update", channel));
        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await channel.WaitForMessageAsync();
        Assert.All(channel.Posted, p => Assert.Equal("1712345678901", p.Activity.ReplyToId));
    }
}
