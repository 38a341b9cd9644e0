using System.Net;
using SummitBot.Protocol.Connector;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Inbound;

/// <summary>
/// Which serviceUrls the bot replies to in anonymous mode. Its Connector client runs over a recorder instead of
/// the network, so hosts that are not loopback can be named and nothing is reached: the recorder shows what the
/// bot would have sent, and where.
/// </summary>
public sealed class AllowedServiceUrlTests
{
    private const string Teams = "https://smba.trafficmanager.net";

    /// <summary>Loopback, but unused: the recorder answers before anything is dialled.</summary>
    private const string Local = "http://127.0.0.1:9";

    [Fact]
    public async Task ByDefault_ANonLoopbackServiceUrl_Is400_AndNothingIsSentOrStored()
    {
        var answers = new RecordingAnswerStep();
        var connector = new RecordingConnector();
        await using var bot = await StartAsync(answers, connector, []);

        var message = await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Teams));
        var welcome = await bot.PostActivityAsync(Fixtures.Load("teams-members-added", Teams));
        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Local));
        await connector.WaitForAsync(Local);

        Assert.Equal(HttpStatusCode.BadRequest, message.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, welcome.StatusCode);
        Assert.Contains("BotProtocol:AllowedServiceUrls", await message.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(connector.Requests, r => r.Host == "smba.trafficmanager.net");
        Assert.Single(answers.Calls);
    }

    [Theory]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("http://127.0.0.1:3979/")]
    [InlineData("http://127.12.0.1/")]
    [InlineData("http://[::1]:56150/")]
    public async Task ByDefault_LoopbackServiceUrls_AreAnswered(string serviceUrl)
    {
        var connector = new RecordingConnector();
        await using var bot = await StartAsync(new RecordingAnswerStep(), connector, []);

        var response = await bot.PostActivityAsync(Fixtures.Load("emulator-message", "x").With("serviceUrl", serviceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await connector.WaitForAsync(new Uri(serviceUrl).AbsoluteUri.TrimEnd('/') + "/v3/conversations/");
    }

    [Fact]
    public async Task AListedServiceUrl_IsAnswered_AndOnlyListedOnesAre()
    {
        var answers = new RecordingAnswerStep();
        var connector = new RecordingConnector();
        await using var bot = await StartAsync(answers, connector, [$"BotProtocol:AllowedServiceUrls:0={Teams}/teams/", "BotProtocol:AllowedServiceUrls:1=https://*.botframework.com/"]);

        var listed = await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Teams));
        var wildcard = await bot.PostActivityAsync(Fixtures.Load("webchat-message", "x").With("serviceUrl", "https://webchat.botframework.com/"));
        var otherPath = await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Teams).With("serviceUrl", $"{Teams}/teamsx/"));
        var otherHost = await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", "https://smba.trafficmanager.net.evil.example"));
        var loopback = await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Local));

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wildcard.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherPath.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherHost.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, loopback.StatusCode);
        await connector.WaitForAsync($"{Teams}/teams/emea/v3/conversations/a%3A1xyzPersonalConversation/activities/1712345678901");
        await connector.WaitForAsync("https://webchat.botframework.com/v3/conversations/");
        Assert.Equal(2, answers.Calls.Count);
    }

    [Fact]
    public async Task ExpectReplies_NeedsNoAllowedServiceUrl_BecauseNothingIsSentToIt()
    {
        var connector = new RecordingConnector();
        await using var bot = await StartAsync(new RecordingAnswerStep(), connector, []);

        var response = await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", "https://eval.summitbot.invalid").With("deliveryMode", "expectReplies"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You asked:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(connector.Requests);
    }

    private static Task<BotHost> StartAsync(RecordingAnswerStep answers, RecordingConnector connector, IEnumerable<string> settings) =>
        BotHost.StartAsync(answers, settings, services => services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => connector));
}
