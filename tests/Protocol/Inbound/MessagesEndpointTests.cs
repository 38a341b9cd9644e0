using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SummitBot.Conversations.Feedback;
using SummitBot.Protocol.Auth;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Inbound;

/// <summary>What /api/messages answers to bad, oversized, unauthenticated and ignorable requests.</summary>
public sealed class MessagesEndpointTests() : BotWithChannelTest(settings: ["BotProtocol:MaxRequestBodyBytes=4096"])
{
    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[{\"type\":\"message\"}]")]
    [InlineData("{\"type\":\"message\",\"entities\":{\"type\":\"mention\"}}")]
    public async Task MalformedJson_Is400(string body)
    {
        var response = await Bot.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"text\":\"hello\"}")]
    [InlineData("{\"type\":\"\",\"text\":\"hello\"}")]
    [InlineData("{\"type\":null}")]
    public async Task ActivityWithoutType_Is400(string body)
    {
        var response = await Bot.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageWithoutConversationOrServiceUrl_Is400WithTheReason()
    {
        var noConversation = await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel).With("conversation", null));
        var noServiceUrl = await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel).With("serviceUrl", "not a url"));

        Assert.Equal(HttpStatusCode.BadRequest, noConversation.StatusCode);
        Assert.Contains("conversation.id", await noConversation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noServiceUrl.StatusCode);
        Assert.Contains("serviceUrl", await noServiceUrl.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Answers.Calls);
    }

    [Fact]
    public async Task BodyOverTheConfiguredLimit_Is413_WithOrWithoutAContentLength()
    {
        var activity = Fixtures.Load("teams-personal-message", Channel).With("text", new string('a', 5000)).ToJsonString();
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(activity))),
        };
        chunked.Headers.TransferEncodingChunked = true;

        var declared = await Bot.PostRawAsync(activity);
        var undeclared = await Bot.Client.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, undeclared.StatusCode);
        Assert.Empty(Answers.Calls);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethods_Are405(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/messages");

        var response = await Bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("event")]
    [InlineData("somethingNew")]
    public async Task TypingAndUnknownTypes_Are200WithNoReply(string type)
    {
        var ignored = Fixtures.Load("teams-personal-message", Channel).With("type", type).With("id", "ignored-1");

        var response = await Bot.PostActivityAsync(ignored);
        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Channel.WaitForMessageAsync();
        Assert.DoesNotContain(Channel.Posted, p => p.Activity.ReplyToId == "ignored-1");
        Assert.Single(Answers.Calls);
    }

    [Fact]
    public async Task UnknownFieldsAndEntityTypes_AreIgnored()
    {
        var activity = Fixtures.Load("teams-personal-message", Channel)
            .With("somethingNew", new JsonObject { ["nested"] = new JsonArray(1, 2) })
            .With("entities", new JsonArray(new JsonObject { ["type"] = "somethingFuture", ["level"] = 3 }, new JsonObject { ["unknown"] = true }));

        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You asked: Who is South Korea's president? [1]", (await Channel.WaitForMessageAsync()).Text);
    }

    [Fact]
    public async Task BearerTokenInAnonymousMode_Is401AndNothingIsProcessed()
    {
        var response = await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel), "Bearer eyJhbGciOiJub25lIn0.e30.");
        var feedback = await Bot.PostActivityAsync(Fixtures.Load("teams-feedback-invoke", Channel), "Bearer eyJhbGciOiJub25lIn0.e30.");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, feedback.StatusCode);
        Assert.Empty(Answers.Calls);
        Assert.Empty(await Bot.Services.GetRequiredService<IFeedbackStore>().ListAsync(CancellationToken.None));
    }
}

/// <summary>The endpoint defers to whichever <see cref="IInboundAuthenticator"/> is registered, before anything else.</summary>
public sealed class MessagesEndpointAuthenticationTests
{
    [Fact]
    public async Task RegisteredAuthenticator_SeesTheHeaderChannelAndServiceUrl_AndItsRefusalIs401()
    {
        var authenticator = new RefusingAuthenticator();
        var answers = new RecordingAnswerStep();
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(answers, services: s => s.AddSingleton<IInboundAuthenticator>(authenticator));
        var activity = Fixtures.Load("teams-personal-message", channel);

        var response = await bot.PostActivityAsync(activity, "Bearer some.token.value");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(("Bearer some.token.value", "msteams", $"{channel.Root}/teams/emea/"), authenticator.Seen);
        Assert.Empty(answers.Calls);
    }

    private sealed class RefusingAuthenticator : IInboundAuthenticator
    {
        public (string?, string?, string?) Seen { get; private set; }

        public Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
        {
            Seen = (authorizationHeader, channelId, serviceUrl);
            return Task.FromResult(InboundAuthResult.Refused("test refuses everything"));
        }
    }
}
