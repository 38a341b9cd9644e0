using Azure.Core;
using SummitBot.Answering;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Answering.Model;

/// <summary>
/// Semantic Kernel's real connectors against a fake server on 127.0.0.1: Azure OpenAI's wire format with a key
/// and with an Entra ID token, and each way a model can fail, after which the articles' own sentences answer.
/// </summary>
public sealed class ChatModelConnectorTests : IAsyncLifetime
{
    private const string Question = "Where did Lee and Ishiba meet?";

    /// <summary>One index for the class: its tests run one after another, so the first builds it and the rest open it.</summary>
    private static readonly string IndexPath = Path.Combine(Path.GetTempPath(), $"summitbot-connectors-{Environment.ProcessId}");
    private FakeChatModel model = null!;

    public async Task InitializeAsync() => model = await FakeChatModel.StartAsync();

    public async Task DisposeAsync() => await model.DisposeAsync();

    [Fact]
    public async Task AzureWithAKey_PostsToTheDeployment_WithTheApiVersion_AndTheKeyHeader()
    {
        model.Replies(prompt => $"{FakeChatModel.Quote(prompt, 1)} [1]");
        await using var services = Azure(("ChatModel:ApiKey", "azure-key-0123"));

        var answer = await Ask(services);

        var request = Assert.Single(model.Requests);
        Assert.Equal("/openai/deployments/summit-gpt/chat/completions", request.Path);
        Assert.Contains("api-version=", request.Query, StringComparison.Ordinal);
        Assert.Equal("azure-key-0123", request.ApiKey);
        Assert.Equal(AnsweredBy.ChatModel, answer.By);
    }

    [Fact]
    public async Task AzureWithoutAKey_SendsTheCredentialsBearerToken()
    {
        model.Replies(prompt => $"{FakeChatModel.Quote(prompt, 1)} [1]");
        await using var services = Azure();

        await Ask(services);

        var request = Assert.Single(model.Requests);
        Assert.Equal($"Bearer {FakeCredential.Token}", request.Authorization);
        Assert.Equal("", request.ApiKey);
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterTheServersRetryAfter()
    {
        model.FailsWith(429, retryAfter: "1");
        model.Replies(prompt => $"{FakeChatModel.Quote(prompt, 1)} [1]");
        await using var services = Compatible(("ChatModel:MaxRetryAttempts", "1"), ("ChatModel:RetryBaseDelay", "00:00:00"));

        var started = TimeProvider.System.GetTimestamp();
        var answer = await Ask(services);

        Assert.Equal(2, model.Requests.Count);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");
        Assert.Equal(AnsweredBy.ChatModel, answer.By);
    }

    [Fact]
    public async Task ServerErrors_AreRetried_ThenTheArticlesAnswer()
    {
        model.FailsWith(500);
        model.FailsWith(502);
        model.FailsWith(503);
        await using var services = Compatible(("ChatModel:MaxRetryAttempts", "2"), ("ChatModel:RetryBaseDelay", "00:00:00"));

        var answer = await Ask(services);

        Assert.Equal(3, model.Requests.Count);
        AssertExtractive(answer);
    }

    [Fact]
    public async Task HangingModel_IsGivenUpOnAtTheTotalTimeout_AndTheArticlesAnswer()
    {
        model.Hangs();
        model.Hangs();
        await using var services = Compatible(("ChatModel:TotalTimeout", "00:00:02"), ("ChatModel:AttemptTimeout", "00:00:01"), ("ChatModel:RetryBaseDelay", "00:00:00"));

        var started = TimeProvider.System.GetTimestamp();
        var answer = await Ask(services);

        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        AssertExtractive(answer);
    }

    [Fact]
    public async Task HangingStream_IsGivenUpOnAtTheTotalTimeout_AndTheArticlesAnswer()
    {
        model.Hangs();
        await using var services = Compatible(("ChatModel:TotalTimeout", "00:00:01"), ("ChatModel:AttemptTimeout", "00:00:01"), ("ChatModel:MaxRetryAttempts", "0"));

        Answer? final = null;
        await foreach (var update in services.GetRequiredService<IAnswerStep>().StreamAsync(Question, [], CancellationToken.None))
        {
            final = update.Final ?? final;
        }

        AssertExtractive(final!);
    }

    [Fact]
    public async Task BrokenJson_IsAFailure_AndTheArticlesAnswer()
    {
        model.AnswersWithBrokenJson();
        await using var services = Compatible(("ChatModel:MaxRetryAttempts", "0"));

        AssertExtractive(await Ask(services));
    }

    [Fact]
    public async Task NoChoices_IsNoAnswer_AndTheArticlesAnswer()
    {
        model.AnswersWithNoChoices();
        await using var services = Compatible(("ChatModel:MaxRetryAttempts", "0"));

        AssertExtractive(await Ask(services));
    }

    private static void AssertExtractive(Answer answer)
    {
        Assert.Equal(AnsweredBy.ExtractiveFallback, answer.By);
        Assert.True(answer.Grounded);
        Assert.Contains("Tokyo", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
    }

    private static Task<Answer> Ask(ServiceProvider services) =>
        services.GetRequiredService<IAnswerStep>().AnswerAsync(Question, [], CancellationToken.None);

    private ServiceProvider Azure(params (string Key, string Value)[] settings) => Build(
        [("ChatModel:Provider", "AzureOpenAI"), ("ChatModel:Endpoint", model.Root.ToString()), ("ChatModel:Deployment", "summit-gpt"), .. settings]);

    private ServiceProvider Compatible(params (string Key, string Value)[] settings) => Build(
        [("ChatModel:Provider", "OpenAICompatible"), ("ChatModel:Endpoint", model.Endpoint.ToString()), ("ChatModel:Model", "test-model"), .. settings]);

    private static ServiceProvider Build(IEnumerable<(string Key, string Value)> settings) => TestAnswers.BuildServices(
        [new("Retrieval:IndexPath", IndexPath), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))],
        addServices: services => services.AddSingleton<TokenCredential, FakeCredential>());

    private sealed class FakeCredential : TokenCredential
    {
        public const string Token = "entra-token-for-tests";

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
