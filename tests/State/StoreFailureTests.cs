using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SummitBot.Answering;
using SummitBot.Conversations;
using SummitBot.Conversations.Feedback;
using SummitBot.Conversations.State;
using SummitBot.Tests.State.Support;
using SummitBot.Tests.DirectLine.Support;
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

    [Fact]
    public async Task WhenTheDatabaseIsDown_StartingAWebChatConversationGets503ToRetry_AndAnOpenOneIsStillAnswered()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), [DirectLineClient.SecretSetting], SwitchableDatabase.Install);
        var client = new DirectLineClient(bot.Client);
        var (open, openId) = await client.GenerateTokenAsync();
        await client.StartAsync(open);
        var (token, _) = await client.GenerateTokenAsync();

        bot.Services.GetRequiredService<SwitchableDatabase>().Down = true;
        using var start = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        using var posted = await client.PostAsync(openId, open, DirectLineClient.Message("Where did they meet?"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, start.StatusCode);
        Assert.Equal("5", start.Headers.GetValues("Retry-After").Single());
        Assert.Contains("\"ServiceError\"", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var answer = await client.WaitForAsync(openId, open, a => ((string?)a["text"])?.StartsWith("You asked", StringComparison.Ordinal) == true);
        Assert.NotNull(answer);
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
