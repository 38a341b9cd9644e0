using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SummitBot.Conversations.Feedback;
using SummitBot.DirectLine;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.DirectLine;

public sealed class DirectLineApiTests
{
    private static Task<BotHost> StartBotAsync(params string[] settings) =>
        BotHost.StartAsync(new RecordingAnswerStep(), [DirectLineClient.SecretSetting, .. settings]);

    [Fact]
    public async Task NewConversation_Is201_WithAStreamUrl_AndTheVisitorIsWelcomed()
    {
        await using var bot = await StartBotAsync();
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();

        using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        using var again = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(conversationId, (string?)body!["conversationId"]);
        Assert.StartsWith($"ws://{bot.Client.BaseAddress!.Authority}/v3/directline/conversations/{conversationId}/stream?t=", (string?)body["streamUrl"], StringComparison.Ordinal);
        Assert.InRange((int)body["expires_in"]!, 1700, 1800);
        var welcome = await client.WaitForAsync(conversationId, token, a => (string?)a["type"] == "message");
        Assert.Equal("summitbot", (string?)welcome["from"]?["id"]);
        Assert.NotNull(welcome["suggestedActions"]);
    }

    [Fact]
    public async Task PostedMessage_IsEchoedWithItsClientActivityId_ThenAnswered_BeforeThePostReturns()
    {
        await using var bot = await StartBotAsync();
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        await client.StartAsync(token);

        using var posted = await client.PostAsync(conversationId, token, DirectLineClient.Message("Where did they meet?", "abc-123"));
        var id = (string?)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"];
        var set = await client.ActivitiesAsync(conversationId, token);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var activities = set["activities"]!.AsArray();
        var echo = activities.Single(a => (string?)a!["id"] == id)!;
        Assert.Equal("abc-123", (string?)echo["channelData"]?["clientActivityID"]);
        Assert.Equal("dl_visitor", (string?)echo["from"]?["id"]);
        Assert.Equal("directline", (string?)echo["channelId"]);
        Assert.True(DateTimeOffset.TryParse((string?)echo["timestamp"], out _));
        Assert.Matches($"^{conversationId}\\|\\d{{7}}$", id);
        var answer = activities.Last()!;
        Assert.Equal("summitbot", (string?)answer["from"]?["id"]);
        Assert.StartsWith("You asked: Where did they meet?", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Equal(id, (string?)answer["replyToId"]);
        Assert.Equal($"{conversationId}|{((string)set["watermark"]!).PadLeft(7, '0')}", (string?)answer["id"]);
    }

    [Fact]
    public async Task Polling_AfterAWatermark_GivesOnlyWhatCameLater()
    {
        await using var bot = await StartBotAsync();
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        await client.StartAsync(token);
        (await client.PostAsync(conversationId, token, DirectLineClient.Message("first question", "c1"))).Dispose();
        var first = await client.ActivitiesAsync(conversationId, token);

        (await client.PostAsync(conversationId, token, DirectLineClient.Message("second question", "c2"))).Dispose();
        var later = await client.ActivitiesAsync(conversationId, token, (string?)first["watermark"]);

        var texts = later["activities"]!.AsArray().Select(a => (string?)a!["text"]).ToList();
        Assert.Equal(2, texts.Count);
        Assert.Equal("second question", texts[0]);
        Assert.StartsWith("You asked: second question", texts[1], StringComparison.Ordinal);
        Assert.Empty((await client.ActivitiesAsync(conversationId, token, (string?)later["watermark"]))["activities"]!.AsArray());
    }

    [Fact]
    public async Task TokenForOneConversation_CannotReadOrPostToAnother()
    {
        await using var bot = await StartBotAsync();
        var client = new DirectLineClient(bot.Client);
        var (mine, _) = await client.GenerateTokenAsync();
        var (theirs, theirConversation) = await client.GenerateTokenAsync();
        await client.StartAsync(theirs);

        using var read = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirConversation}/activities", mine);
        using var post = await client.PostAsync(theirConversation, mine, DirectLineClient.Message("let me in"));
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirConversation}", mine);
        using var guessed = await client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/00000000000000000000000000000000/activities", mine);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, guessed.StatusCode);
        Assert.Equal("BadArgument", (string?)(await read.Content.ReadFromJsonAsync<JsonObject>())!["error"]?["code"]);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ForgedToken_Is401(string forged)
    {
        await using var bot = await StartBotAsync();
        var client = new DirectLineClient(bot.Client);

        using var start = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", forged);
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, start.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_Is403TokenExpired_AsDirectLineClientsExpect_AndCannotBeRefreshed()
    {
        await using var bot = await StartBotAsync();
        var client = new DirectLineClient(bot.Client);
        var expired = bot.Services.GetRequiredService<DirectLineTokens>().For("0123456789abcdef0123456789abcdef", DateTimeOffset.UtcNow.AddSeconds(-1));

        using var read = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{expired.ConversationId}/activities", expired.Token);
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", expired.Token);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.Equal("TokenExpired", (string?)(await read.Content.ReadFromJsonAsync<JsonObject>())!["error"]?["code"]);
    }

    [Fact]
    public async Task RefreshedToken_IsNew_ForTheSameConversation_AndWorks()
    {
        await using var bot = await StartBotAsync();
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        await client.StartAsync(token);

        using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        var refreshed = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(conversationId, (string?)refreshed["conversationId"]);
        Assert.NotEqual(token, (string?)refreshed["token"]);
        Assert.NotNull(await client.WaitForAsync(conversationId, (string)refreshed["token"]!, a => (string?)a["type"] == "message"));
    }

    [Fact]
    public async Task GeneratingAToken_NeedsTheSecret_NotAToken()
    {
        await using var bot = await StartBotAsync();
        var client = new DirectLineClient(bot.Client);
        var (token, _) = await client.GenerateTokenAsync();

        using var withToken = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token);
        using var withNothing = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null);

        Assert.Equal(HttpStatusCode.Unauthorized, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withNothing.StatusCode);
    }

    [Fact]
    public async Task PostsPastTheTokensLimit_Get429WithRetryAfter()
    {
        await using var bot = await StartBotAsync("DirectLine:PostsPerMinutePerToken=2");
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        await client.StartAsync(token);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await client.PostAsync(conversationId, token, DirectLineClient.Message($"question {i}", $"c{i}"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.InRange(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("TooManyRequests", (string?)(await last.Content.ReadFromJsonAsync<JsonObject>())!["error"]?["code"]);
        last.Dispose();

        // Another conversation has its own allowance.
        var (other, otherConversation) = await client.GenerateTokenAsync();
        using var elsewhere = await client.PostAsync(otherConversation, other, DirectLineClient.Message("hello"));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task TokenRequestsPastTheAddressLimit_Get429()
    {
        await using var bot = await StartBotAsync("DirectLine:TokensPerMinutePerAddress=2");
        var client = new DirectLineClient(bot.Client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineClient.Secret);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task BadPosts_GetClearErrors_AndAreNotKept()
    {
        await using var bot = await StartBotAsync("DirectLine:MaxActivityBytes=2048");
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        var noSender = DirectLineClient.Message("who am I?");
        noSender.Remove("from");

        using var tooLarge = await client.PostAsync(conversationId, token, DirectLineClient.Message(new string('a', 3000)));
        using var anonymous = await client.PostAsync(conversationId, token, noSender);
        using var notJson = await bot.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Headers = { Authorization = new("Bearer", token) },
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
        Assert.Contains("from.id", (string?)(await anonymous.Content.ReadFromJsonAsync<JsonObject>())!["error"]?["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.DoesNotContain((await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray(), a => (string?)a!["from"]?["role"] == "user");
    }

    [Fact]
    public async Task Cors_AllowsOnlyConfiguredOrigins()
    {
        await using var bot = await StartBotAsync("DirectLine:AllowedOrigins:0=https://friends.example.org");

        async Task<string?> AllowedOriginFor(string origin)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            using var response = await bot.Client.SendAsync(preflight);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        Assert.Equal("https://friends.example.org", await AllowedOriginFor("https://friends.example.org"));
        Assert.Null(await AllowedOriginFor("https://elsewhere.example.com"));
    }

    [Fact]
    public async Task WebChatVote_OnAnAnswer_ReachesTheFeedbackStore()
    {
        await using var bot = await StartBotAsync();
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        await client.StartAsync(token);
        (await client.PostAsync(conversationId, token, DirectLineClient.Message("Where did they meet?"))).Dispose();
        var answer = (await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray().Last()!;
        var like = answer["entities"]!.AsArray().Single(e => (string?)e!["type"] == "https://schema.org/Message")!["potentialAction"]!.AsArray()
            .Single(a => (string?)a!["@type"] == "LikeAction")!;

        var vote = new JsonObject
        {
            ["type"] = "event",
            ["name"] = "webchat:activity-status/feedback",
            ["from"] = new JsonObject { ["id"] = "dl_visitor", ["role"] = "user" },
            ["entities"] = new JsonArray(like.DeepClone()),
            ["channelData"] = new JsonObject { ["clientActivityID"] = "vote-1" },
        };
        using var posted = await client.PostAsync(conversationId, token, vote);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var stored = Assert.Single(await bot.Services.GetRequiredService<IFeedbackStore>().ListAsync(CancellationToken.None));
        Assert.Equal("like", stored.Reaction);
        Assert.Equal((string?)answer["id"], stored.RatedMessageId);
        Assert.Equal(conversationId, stored.Conversation.ConversationId);
        Assert.Equal("Where did they meet?", stored.Answer?.Question);
        Assert.StartsWith("You asked: Where did they meet?", stored.Answer?.Answer, StringComparison.Ordinal);
    }
}
