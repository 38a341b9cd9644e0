using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SummitBot.Answering;
using SummitBot.Conversations;
using SummitBot.Conversations.Feedback;
using SummitBot.Conversations.State;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.State;

/// <summary>A failing state database costs context or a piece of feedback, never an answer or a 500.</summary>
public sealed class StoreFailureTests
{
    [Fact]
    public async Task WhenTheStoreFails_TheQuestionIsAnsweredAsAFirstOne_AndFeedbackGets503()
    {
        var answers = new RecordingAnswerStep();
        await using var bot = await BotHost.StartAsync(answers, services: services =>
        {
            services.RemoveAll<IConversationStore>();
            services.AddSingleton<IConversationStore, BrokenStore>();
            services.RemoveAll<IFeedbackStore>();
            services.AddSingleton<IFeedbackStore, BrokenStore>();
        });

        using var asked = await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", "http://127.0.0.1:9").With("deliveryMode", "expectReplies"));
        using var rated = await bot.PostActivityAsync(Fixtures.Load("teams-feedback-invoke", "http://127.0.0.1:9"));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        using var body = JsonDocument.Parse(await asked.Content.ReadAsStringAsync());
        var texts = body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal(["You asked: Who is South Korea's president? [1]"], texts);
        Assert.Empty(Assert.Single(answers.Calls).History);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, rated.StatusCode);
        Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("Could not read the history", StringComparison.Ordinal));
    }

    private sealed class BrokenStore : IConversationStore, IFeedbackStore
    {
        public Task<IReadOnlyList<ConversationTurn>> GetHistoryAsync(ConversationKey conversation, CancellationToken cancellationToken) => throw Broken();

        public Task AppendAsync(ConversationKey conversation, ConversationTurn turn, CancellationToken cancellationToken) => throw Broken();

        public Task ClearAsync(ConversationKey conversation, CancellationToken cancellationToken) => throw Broken();

        public Task AddAsync(UserFeedback feedback, CancellationToken cancellationToken) => throw Broken();

        public Task RecordAnswerAsync(SentAnswer answer, CancellationToken cancellationToken) => throw Broken();

        public Task<IReadOnlyList<UserFeedback>> ListAsync(CancellationToken cancellationToken) => throw Broken();

        private static InvalidOperationException Broken() => new("the database is down");
    }
}
