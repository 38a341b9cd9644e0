using System.Text;
using System.Text.Json.Nodes;
using SummitBot.Protocol.Activities;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Hosting;

/// <summary>
/// Behind a TLS proxy with BotProtocol:TrustForwardedHeaders, links and the Direct Line stream take the public
/// scheme and host from X-Forwarded-Proto and X-Forwarded-Host; without it those headers change nothing.
/// </summary>
public sealed class ProxyHeadersTests
{
    private const string PublicHost = "summit.example.org";
    private const string ArticlePath = "/articles/reuters-ishiba-lee-affirm-cooperation";

    [Fact]
    public async Task TrustedProxy_TheConnectorAnswersCitationLinks_AreThePublicHttpsOnes()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), ["BotProtocol:TrustForwardedHeaders=true"]);

        await PostThroughProxyAsync(bot, Fixtures.Load("webchat-message", channel));

        var answer = await channel.WaitForMessageAsync();
        var claim = Assert.Single(Assert.IsType<MessageEntity>(Assert.Single(answer.Entities!)).Citation!);
        Assert.Equal($"https://{PublicHost}{ArticlePath}", claim.Url);
    }

    [Fact]
    public async Task TrustedProxy_ADirectLineVisitor_GetsAWssStreamAndHttpsLinks_OnThePublicHost()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), ["BotProtocol:TrustForwardedHeaders=true", DirectLineClient.SecretSetting]);
        using var proxied = new HttpClient { BaseAddress = bot.Client.BaseAddress };
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Host", PublicHost);
        var client = new DirectLineClient(proxied);
        var (token, conversationId) = await client.GenerateTokenAsync();

        var started = await client.StartAsync(token);
        using var posted = await client.PostAsync(conversationId, token, DirectLineClient.Message("Who is South Korea's president?"));
        var answer = await client.WaitForAsync(conversationId, token, a => (string?)a["replyToId"] is not null && a["entities"] is not null);

        Assert.StartsWith($"wss://{PublicHost}/v3/directline/conversations/{conversationId}/stream?t=", (string?)started["streamUrl"], StringComparison.Ordinal);
        Assert.Contains($"https://{PublicHost}{ArticlePath}", answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTrust_ForwardedHeadersChangeNoLink()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep());

        await PostThroughProxyAsync(bot, Fixtures.Load("webchat-message", channel));

        var answer = await channel.WaitForMessageAsync();
        var claim = Assert.Single(Assert.IsType<MessageEntity>(Assert.Single(answer.Entities!)).Citation!);
        Assert.Equal($"{bot.Client.BaseAddress}{ArticlePath.TrimStart('/')}", claim.Url);
        Assert.DoesNotContain(PublicHost, answer.Text, StringComparison.Ordinal);
    }

    private static async Task PostThroughProxyAsync(BotHost bot, JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", PublicHost);
        using var response = await bot.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
