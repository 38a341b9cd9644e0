using SummitBot.Cli;
using SummitBot.Protocol.Auth;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Evaluation.Support;
using SummitBot.Tests.Protocol.Auth;
using SummitBot.Tests.Support;
using Xunit.Abstractions;

namespace SummitBot.Tests.Cli;

/// <summary>
/// eval against a running bot as an evaluator runs it against a deployed one: with the bot's own credentials
/// (exchanged at a fake Entra ID for a token the bot checks against the fake identity service's keys), and through
/// a Direct Line, as a web chat visitor reaches it.
/// </summary>
public sealed class EvalDeployedBotTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Secret = "the-bots-client-secret";

    private readonly TestSigningKey entraKey = new();
    private FakeOpenIdServer openId = null!;
    private FakeTokenService entra = null!;
    private readonly TempFiles files = new();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public async Task InitializeAsync()
    {
        openId = await FakeOpenIdServer.StartAsync();
        openId.PublishEmulatorKey(entraKey);
        entra = await FakeTokenService.StartAsync();
        entra.IssueSignedTokens(entraKey, TestTokens.BotFrameworkTenantIssuer, Secret);
    }

    public async Task DisposeAsync()
    {
        await entra.DisposeAsync();
        await openId.DisposeAsync();
    }

    public void Dispose()
    {
        entraKey.Dispose();
        files.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    [Fact]
    public async Task WithTheBotsCredentials_TheShippedSuitePassesAgainstABotWithAnAppId_SaveItsKnownFailures()
    {
        await using var bot = await StartBotWithAnAppIdAsync();

        var exit = await EvalAsync(
            new EvalRequest([QaSuiteFiles.PathOf("summit.qa.yaml")], Endpoint(bot), null, null, Environment.ProcessorCount)
            {
                KnownFailuresPath = QaSuiteFiles.PathOf("summit.known-failures.txt"),
                Settings = Identity(Secret),
            });

        Assert.True(exit == EvalCommand.AllPassed, $"eval exited {exit}\n{stdout}\n{stderr}");
        Assert.Contains("0 case(s) failed outside the list", stdout.ToString(), StringComparison.Ordinal);
        var asked = entra.Requests[0].Form;
        Assert.Equal((TestTokens.AppId, $"{TestTokens.AppId}/.default", "client_credentials"), (asked["client_id"], asked["scope"], asked["grant_type"]));
        Assert.EndsWith("/botframework.com/oauth2/v2.0/token", entra.Requests[0].Path, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Message.StartsWith("Refused an inbound request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithAWrongPassword_EvalExitsTwo_SayingEntraRefusedIt_WithoutTheSecret()
    {
        await using var bot = await StartBotWithAnAppIdAsync();

        var exit = await EvalAsync(new EvalRequest([SmallSuite()], Endpoint(bot), null, null, 1) { Settings = Identity("not-the-secret") });

        Assert.Equal(EvalCommand.CannotRun, exit);
        Assert.Contains("could not get a token for the bot from Microsoft Entra ID: invalid_client", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", stdout.ToString() + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutCredentials_AgainstABotWithAnAppId_EvalExitsTwo_NamingTheKeysToSet()
    {
        await using var bot = await StartBotWithAnAppIdAsync();

        var exit = await EvalAsync(new EvalRequest([SmallSuite()], Endpoint(bot), null, null, 1));

        Assert.Equal(EvalCommand.CannotRun, exit);
        Assert.Contains("give eval the bot's MicrosoftAppId and MicrosoftAppPassword", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThroughTheBotsDirectLine_ASuiteWithAFollowUpPasses_AsAWebChatVisitorWouldAsk()
    {
        await using var bot = await BotHost.StartAsync(null, [DirectLineClient.SecretSetting]);

        var exit = await EvalAsync(new EvalRequest([SmallSuite()], null, null, null, 2)
        {
            DirectLine = new Uri(bot.Client.BaseAddress!, "/v3/directline").ToString(),
            Secret = DirectLineClient.Secret,
            Settings = ["--Evaluation:DirectLinePollMilliseconds=50"],
        });

        Assert.True(exit == EvalCommand.AllPassed, $"eval exited {exit}\n{stdout}\n{stderr}");
        Assert.Contains("Answer step:        the bot behind --directline", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThroughADirectLine_AWrongSecret_ExitsTwo_SayingSo()
    {
        await using var bot = await BotHost.StartAsync(null, [DirectLineClient.SecretSetting]);

        var exit = await EvalAsync(new EvalRequest([SmallSuite()], null, null, null, 1)
        {
            DirectLine = bot.Client.BaseAddress!.ToString(),
            Secret = "not-a-secret-of-this-bot",
        });

        Assert.Equal(EvalCommand.CannotRun, exit);
        Assert.Contains("refused the secret (401); --secret must be one of the bot's Direct Line secrets", stderr.ToString(), StringComparison.Ordinal);
    }

    private Task<BotHost> StartBotWithAnAppIdAsync() => BotHost.StartAsync(
        null,
        [
            $"MicrosoftAppId={TestTokens.AppId}",
            $"MicrosoftAppPassword={Secret}",
            $"ToBotFromChannelOpenIdMetadataUrl={openId.ChannelMetadataUrl}",
            $"ToBotFromEmulatorOpenIdMetadataUrl={openId.EmulatorMetadataUrl}",
            $"ToChannelFromBotLoginUrlPrefix={entra.BaseAddress}",
            "BotProtocol:PublicBaseUrl=https://summitbot.example.org",
        ]);

    /// <summary>The keys the bot reads, given to eval on its command line as the environment would.</summary>
    private string[] Identity(string password) =>
        [$"--MicrosoftAppId={TestTokens.AppId}", $"--MicrosoftAppPassword={password}", $"--ToChannelFromBotLoginUrlPrefix={entra.BaseAddress}"];

    private static string Endpoint(BotHost bot) => new Uri(bot.Client.BaseAddress!, "/api/messages").ToString();

    /// <summary>A question, a follow-up that leans on it, and one to decline: answered by the real answer step.</summary>
    private string SmallSuite() => files.Write("small.qa.yaml", """
            name: small
            cases:
              - id: venue
                ask: Where did Lee and Ishiba meet?
                expect: { any: [Tokyo], cites: [reuters-ishiba-lee-affirm-cooperation, gli-south-korea-japan-team-up, newsmania-lee-in-japan-to-strengthen-ties, lee-to-meet-ishiba-before-trump-summit, ishiba-lee-joint-announcement] }
              - id: follow-up
                turns:
                  - ask: Who is South Korea's president?
                    expect: { any: [Lee Jae Myung] }
                  - ask: Where did he meet Ishiba?
                    expect: { any: [Tokyo] }
              - id: off-topic
                ask: Who won the 2022 World Cup?
                expect: { refuses: true }
            """);

    private async Task<int> EvalAsync(EvalRequest request)
    {
        var exit = await EvalCommand.RunAsync(
            request,
            CommandOutput.Plain(stdout, stderr),
            services => services.AddHttpClient(AuthServices.HttpClientName).ConfigurePrimaryHttpMessageHandler(entra.TrustingHandler),
            CancellationToken.None);
        output.WriteLine(stdout.ToString());
        output.WriteLine(stderr.ToString());
        return exit;
    }
}
