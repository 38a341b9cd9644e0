using System.Net;
using System.Net.Sockets;
using SummitBot.Evaluation;
using SummitBot.Evaluation.Running;
using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;
using SummitBot.Evaluation.Transcripts;
using SummitBot.Tests.Evaluation.Running;
using SummitBot.Tests.Evaluation.Support;
using SummitBot.Tests.Evaluation.Transcripts;

namespace SummitBot.Tests.Evaluation.Targets;

public sealed class EndpointTargetTests : IDisposable
{
    private readonly HttpClient http = new();

    private readonly InProcessBots bots = new();

    public void Dispose()
    {
        http.Dispose();
        bots.Dispose();
    }

    [Fact]
    public async Task AskAsync_PostsAMessageWithExpectReplies_AsAChannelWould()
    {
        await using var bot = await FakeBot.StartAsync(KeywordAnswers.Create());

        await Target(bot.Endpoint).StartConversation().AskAsync("Where did they meet?", CancellationToken.None);

        var activity = Assert.Single(bot.Received);
        Assert.Equal("message", (string?)activity["type"]);
        Assert.Equal("expectReplies", (string?)activity["deliveryMode"]);
        Assert.Equal("directline", (string?)activity["channelId"]);
        Assert.Equal("user", (string?)activity["from"]?["role"]);
        Assert.Equal("Where did they meet?", (string?)activity["text"]);
        Assert.False(string.IsNullOrEmpty((string?)activity["serviceUrl"]));
        Assert.StartsWith("eval-", (string?)activity["conversation"]?["id"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_ReadsTheMessagesTextAndItsCitedArticles_IgnoringTyping()
    {
        await using var bot = await FakeBot.StartAsync(KeywordAnswers.Create());
        var conversation = Target(bot.Endpoint).StartConversation();

        var answer = await conversation.AskAsync("Where did they meet?", CancellationToken.None);
        var refusal = await conversation.AskAsync("Who won the World Cup?", CancellationToken.None);

        Assert.Equal([KeywordAnswers.VenueText], answer.Texts);
        Assert.Equal([TestArticles.Venue], answer.CitedArticleIds);
        Assert.True(answer.Grounded);
        Assert.Equal(KeywordAnswers.RefusalText, refusal.Text);
        Assert.True(refusal.Refused);
    }

    [Fact]
    public async Task RunAsync_KeepsAMultiTurnCaseInOneConversation_AndGivesEveryCaseItsOwn()
    {
        await using var bot = await FakeBot.StartAsync(KeywordAnswers.Create());

        var run = await EvalRunner.RunAsync(EvalRunnerTests.Cases(KeywordAnswers.Script), Target(bot.Endpoint), 2, null, CancellationToken.None);

        var conversationIds = bot.Received.Select(a => (Text: (string?)a["text"], Id: (string?)a["conversation"]?["id"])).ToList();
        Assert.Equal(7, conversationIds.Count);
        Assert.Equal(6, conversationIds.Select(c => c.Id).Distinct().Count());
        Assert.Equal(
            conversationIds.Single(c => c.Text == "Where was the summit?").Id,
            conversationIds.Single(c => c.Text == "On which day?").Id);
        Assert.True(run.Cases.Single(c => c.Case.Id == "follow-up").Passed);
    }

    [Fact]
    public async Task RunAsync_OverTheEndpoint_GivesTheSameVerdictsAsInProcess()
    {
        var cases = EvalRunnerTests.Cases(KeywordAnswers.Script);
        await using var bot = await FakeBot.StartAsync(KeywordAnswers.Create());

        var inProcess = await EvalRunner.RunAsync(cases, bots.Target(KeywordAnswers.Create()), 1, null, CancellationToken.None);
        var overHttp = await EvalRunner.RunAsync(cases, Target(bot.Endpoint), 1, null, CancellationToken.None);

        Assert.Equal(Verdicts(inProcess), Verdicts(overHttp));
        Assert.Contains(Verdicts(overHttp), v => !v.Passed);
    }

    [Fact]
    public async Task RunAsync_ReplaysATranscriptOverTheEndpoint()
    {
        await using var bot = await FakeBot.StartAsync(KeywordAnswers.Create());
        var errors = new List<ScriptError>();
        var suite = TranscriptLoader.Load(TranscriptLoaderTests.ExamplePath, await File.ReadAllTextAsync(TranscriptLoaderTests.ExamplePath), errors);

        var run = await EvalRunner.RunAsync(suite!.Cases, Target(bot.Endpoint), 1, null, CancellationToken.None);

        Assert.True(run.Cases[0].Passed, string.Join("; ", run.Cases[0].Turns.SelectMany(t => t.Failures)));
        Assert.Single(bot.Received.Select(a => (string?)a["conversation"]?["id"]).Distinct());
    }

    [Fact]
    public async Task AskAsync_WhenNothingListens_SaysTheEndpointIsUnreachable()
    {
        var closed = ClosedLoopbackPort();

        var error = await Assert.ThrowsAsync<EndpointUnavailableException>(() =>
            Target(new Uri($"http://127.0.0.1:{closed}/api/messages")).StartConversation().AskAsync("Where?", CancellationToken.None));

        Assert.Contains("cannot reach the bot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_AtAnAddressThatIsNotTheBot_SaysSo()
    {
        await using var bot = await FakeBot.StartAsync(KeywordAnswers.Create());

        var error = await Assert.ThrowsAsync<EndpointUnavailableException>(() =>
            Target(new Uri(bot.Endpoint, "/api/wrong")).StartConversation().AskAsync("Where?", CancellationToken.None));

        Assert.Contains("is not a bot's messaging endpoint (HTTP 404)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_WhenTheBotDemandsCredentials_SaysWhichToGive()
    {
        await using var bot = await FakeBot.StartAsync(KeywordAnswers.Create(), failWith: _ => HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<EndpointUnavailableException>(() =>
            Target(bot.Endpoint).StartConversation().AskAsync("Where?", CancellationToken.None));

        Assert.Contains("give eval the bot's MicrosoftAppId and MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ABotThatFailsOneQuestion_FailsThatCaseOnly()
    {
        await using var bot = await FakeBot.StartAsync(
            KeywordAnswers.Create(), failWith: text => text.Contains("tariff", StringComparison.Ordinal) ? HttpStatusCode.InternalServerError : null);

        var run = await EvalRunner.RunAsync(EvalRunnerTests.Cases(KeywordAnswers.Script), Target(bot.Endpoint), 1, null, CancellationToken.None);

        var tariffs = run.Cases.Single(c => c.Case.Id == "tariffs");
        Assert.Equal("HttpRequestException: the bot answered HTTP 500 Internal Server Error", tariffs.Error);
        Assert.True(run.Cases.Single(c => c.Case.Id == "venue").Passed);
    }

    [Fact]
    public async Task RunAsync_AgainstAnUnreachableBot_StopsWithEndpointUnavailable()
    {
        var target = Target(new Uri($"http://127.0.0.1:{ClosedLoopbackPort()}/api/messages"));

        await Assert.ThrowsAsync<EndpointUnavailableException>(() =>
            EvalRunner.RunAsync(EvalRunnerTests.Cases(KeywordAnswers.Script), target, 3, null, CancellationToken.None));
    }

    private EndpointTarget Target(Uri endpoint) => new(http, endpoint, TestArticles.Catalog, new EvaluationOptions());

    private static List<(string Id, bool Passed, string Failures)> Verdicts(EvalRun run) =>
        [.. run.Cases.Select(c => (c.Case.Id, c.Passed, string.Join("|", c.Turns.SelectMany(t => t.Failures))))];

    /// <summary>A loopback port that was just free: bound, read, released.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

}
