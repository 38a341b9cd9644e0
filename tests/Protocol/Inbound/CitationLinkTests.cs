using System.Text;
using System.Text.Json.Nodes;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Inbound;

/// <summary>With BotProtocol:PublicBaseUrl empty, citation links use the address the bot listens on, whatever Host a request names.</summary>
public sealed class CitationLinkTests() : BotWithChannelTest()
{
    private const string ArticlePath = "articles/reuters-ishiba-lee-affirm-cooperation";

    [Fact]
    public async Task AForgedHostHeader_DoesNotReachTheLinksOfAnExpectRepliesAnswer()
    {
        var response = await PostWithHostAsync(Fixtures.Load("webchat-message", Channel).With("deliveryMode", "expectReplies"), "evil.example");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains($"{Bot.Client.BaseAddress}{ArticlePath}", body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedHostHeader_DoesNotReachTheLinksOfAnAnswerSentThroughTheConnector()
    {
        await PostWithHostAsync(Fixtures.Load("webchat-message", Channel), "evil.example:8443");

        var answer = await Channel.WaitForMessageAsync();
        var claim = Assert.Single(Assert.IsType<SummitBot.Protocol.Activities.MessageEntity>(Assert.Single(answer.Entities!)).Citation!);
        Assert.Equal($"{Bot.Client.BaseAddress}{ArticlePath}", claim.Url);
        Assert.Contains($"({Bot.Client.BaseAddress}{ArticlePath})", claim.Appearance.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", answer.Text + claim.Appearance.Text, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostWithHostAsync(JsonObject activity, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = host;
        var response = await Bot.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }
}
