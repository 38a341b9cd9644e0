using SummitBot.Conversations.Feedback;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Channels;

/// <summary>Teams' feedback on an answer is kept with the answer it rates, known by the id Teams gave it.</summary>
public sealed class TeamsFeedbackTests() : BotWithChannelTest
{
    [Fact]
    public async Task FeedbackOnAnAnswer_IsListedWithItsQuestionAndAnswer()
    {
        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));
        var answer = await Channel.WaitForMessageAsync();
        var teamsId = FakeChannel.IdFor(answer);
        var store = Bot.Services.GetRequiredService<IFeedbackStore>();

        (await Bot.PostActivityAsync(Fixtures.Load("teams-feedback-invoke", Channel).With("replyToId", teamsId))).EnsureSuccessStatusCode();

        // The answer is kept once its delivery has told the bot Teams' id for it: a moment after Teams has it.
        UserFeedback? listed = null;
        for (var i = 0; i < 50 && listed?.Answer is null; i++)
        {
            await Task.Delay(100);
            listed = (await store.ListAsync(CancellationToken.None)) is [.., var last] ? last : null;
        }

        Assert.NotNull(listed?.Answer);
        Assert.Equal("Who is South Korea's president?", listed.Answer.Question);
        Assert.Equal("You asked: Who is South Korea's president? [1]", listed.Answer.Answer);
        Assert.Equal(["[1] Japan's Ishiba, South Korea's Lee affirm cooperation before Lee meets Trump (reuters-ishiba-lee-affirm-cooperation)"], listed.Answer.Citations);
        Assert.Equal("dislike", listed.Reaction);
    }
}
