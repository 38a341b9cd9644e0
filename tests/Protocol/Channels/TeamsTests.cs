using System.Net;
using SummitBot.Conversations.Feedback;
using SummitBot.Protocol.Activities;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Channels;

/// <summary>Microsoft Teams activities (personal chat, group chat, channel) against the running bot.</summary>
public sealed class TeamsTests : BotWithChannelTest
{
    private const string BotId = "28:11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task PersonalMessage_IsAcknowledgedWith200_ThenTypingAndTheAnswerArePostedAsRepliesToIt()
    {
        var response = await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var answer = await Channel.WaitForMessageAsync();
        var posted = Channel.Posted;
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
        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));

        var answer = await Channel.WaitForMessageAsync();
        var root = Assert.IsType<MessageEntity>(Assert.Single(answer.Entities!));
        Assert.Equal(["AIGeneratedContent"], root.AdditionalType);
        var claim = Assert.Single(root.Citation!);
        Assert.Equal(1, claim.Position);
        Assert.Equal(RecordingAnswerStep.ReutersCitation.Title, claim.Appearance.Name);
        Assert.Equal($"{Bot.Client.BaseAddress}articles/reuters-ishiba-lee-affirm-cooperation", claim.Appearance.Url);
        Assert.True(claim.Appearance.Abstract!.Length <= 160);
        Assert.Contains("\"feedbackLoop\":{\"type\":\"default\"}", answer.ChannelData!.ToString()!.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // Teams shows the citations itself: the text is not followed by a list of sources.
        Assert.DoesNotContain("Sources", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupChatMention_IsStrippedBeforeTheQuestionReachesTheAnswerStep()
    {
        await Bot.PostActivityAsync(Fixtures.Load("teams-groupchat-mention", Channel));

        await Channel.WaitForMessageAsync();
        Assert.Equal("who is South Korea's president?", Assert.Single(Answers.Calls).Question);
        Assert.Contains(Channel.Posted, p => p.Path == "/teams/emea/v3/conversations/19%3Ameeting_groupchat01%40thread.v2/activities/1712345679000");
    }

    [Fact]
    public async Task ChannelMentionWithoutMarkupInTheEntity_IsStrippedByTheMentionedName()
    {
        await Bot.PostActivityAsync(Fixtures.Load("teams-channel-mention", Channel));

        await Channel.WaitForMessageAsync();
        Assert.Equal("what did they agree on?", Assert.Single(Answers.Calls).Question);
        Assert.Contains(Channel.Posted, p => p.Path.StartsWith("/teams/emea/v3/conversations/19%3A5f0e1d2c3b4a%40thread.tacv2%3Bmessageid%3D1712345680000/activities/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroupChatMessageWithoutMention_GetsNoReply()
    {
        var unaddressed = Fixtures.Load("teams-groupchat-mention", Channel)
            .With("text", "lunch at noon, anyone?")
            .With("entities", null)
            .With("id", "1712345679001");
        var addressed = Fixtures.Load("teams-groupchat-mention", Channel);

        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(unaddressed)).StatusCode);
        await Bot.PostActivityAsync(addressed);

        // Turns of one conversation run in order, so once the second is answered the first was handled.
        await Channel.WaitForMessageAsync();
        Assert.Equal("who is South Korea's president?", Assert.Single(Answers.Calls).Question);
        Assert.DoesNotContain(Channel.Posted, p => p.Activity.ReplyToId == "1712345679001");
    }

    [Fact]
    public async Task MembersAdded_GreetsTheUserButNotTheBot_WithThreeSuggestedQuestions()
    {
        var response = await Bot.PostActivityAsync(Fixtures.Load("teams-members-added", Channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = await Channel.WaitForMessageAsync();
        Assert.StartsWith("Hi Ana Costa! I answer questions about the 23 August 2025 Tokyo summit", welcome.Text, StringComparison.Ordinal);
        var actions = welcome.SuggestedActions!.Actions;
        Assert.Equal(3, actions.Count);
        Assert.All(actions, a => Assert.Equal(CardAction.ImBack, a.Type));
        Assert.All(actions, a => Assert.Equal(a.Title, a.Value));
        Assert.Equal("f:1712345670000", welcome.ReplyToId);
        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));
        await Channel.WaitForMessageAsync(count: 2);
        Assert.Single(Channel.Posted, p => p.Activity.SuggestedActions is not null && p.Activity.Entities is null);
    }

    [Fact]
    public async Task FeedbackInvoke_IsStoredWithReactionTextAndRatedMessage_AndAnsweredWith200AndAnEmptyBody()
    {
        var response = await Bot.PostActivityAsync(Fixtures.Load("teams-feedback-invoke", Channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var stored = Assert.Single(await Bot.Services.GetRequiredService<IFeedbackStore>().ListAsync(CancellationToken.None));
        Assert.Equal("dislike", stored.Reaction);
        Assert.Equal("It missed the date of the summit.", stored.Text);
        Assert.Equal("1712345678999", stored.RatedMessageId);
        Assert.Equal("29:1abcUserPersonal", stored.UserId);
        Assert.Equal(new("msteams", "a:1xyzPersonalConversation"), stored.Conversation);
        Assert.Empty(Channel.Posted);
    }

    [Fact]
    public async Task FeedbackInvokeWithoutAReaction_Is400AndStoresNothing()
    {
        var invoke = Fixtures.Load("teams-feedback-invoke", Channel).With("value", new System.Text.Json.Nodes.JsonObject { ["actionName"] = "feedback" });

        var response = await Bot.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await Bot.Services.GetRequiredService<IFeedbackStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OtherInvoke_Is501()
    {
        var response = await Bot.PostActivityAsync(Fixtures.Load("teams-compose-extension-invoke", Channel));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task InstallationUpdate_Is200WithNoReply()
    {
        var response = await Bot.PostActivityAsync(Fixtures.Load("teams-installation-update", Channel));
        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Channel.WaitForMessageAsync();
        Assert.All(Channel.Posted, p => Assert.Equal("1712345678901", p.Activity.ReplyToId));
    }
}
