using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.DirectLine;

public sealed class DirectLineSocketTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stream_SendsTheWelcome_ThenTheEchoTypingAndAnswer_AsTheyHappen()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), [DirectLineClient.SecretSetting]);
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        var started = await client.StartAsync(token);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), CancellationToken.None);

        var welcome = await DirectLineClient.ReceiveAsync(socket, Patience);
        var posting = client.PostAsync(conversationId, token, DirectLineClient.Message("Where did they meet?", "c-9"));
        var frames = new List<JsonObject>();
        while (!frames.SelectMany(Activities).Any(a => ((string?)a["text"])?.StartsWith("You asked", StringComparison.Ordinal) == true))
        {
            frames.Add((await DirectLineClient.ReceiveAsync(socket, Patience))!);
        }

        (await posting).Dispose();
        Assert.Equal("message", (string?)Activities(welcome!).Single()["type"]);
        Assert.NotNull((string?)welcome!["watermark"]);
        var order = frames.SelectMany(Activities).Select(a => (string)a["type"]! + ":" + (string?)a["from"]?["role"]).ToList();
        Assert.Equal(["message:user", "typing:bot", "message:bot"], order);
        Assert.Equal("c-9", (string?)Activities(frames[0]).Single()["channelData"]?["clientActivityID"]);
    }

    [Fact]
    public async Task Reconnecting_WithAWatermark_ReplaysOnlyWhatCameAfterIt_AndTypingIsNeverKept()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), [DirectLineClient.SecretSetting]);
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        await client.StartAsync(token);
        await client.WaitForAsync(conversationId, token, a => (string?)a["type"] == "message");
        var watermark = (string?)(await client.ActivitiesAsync(conversationId, token))["watermark"];
        (await client.PostAsync(conversationId, token, DirectLineClient.Message("first"))).Dispose();

        using var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark={watermark}", token);
        var reconnected = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)reconnected["streamUrl"]!), CancellationToken.None);
        var replay = await DirectLineClient.ReceiveAsync(socket, Patience);

        Assert.Contains("watermark=" + watermark, (string?)reconnected["streamUrl"], StringComparison.Ordinal);
        var replayed = Activities(replay!).Select(a => (string?)a["text"]).ToList();
        Assert.Equal(2, replayed.Count);
        Assert.Equal("first", replayed[0]);
        Assert.StartsWith("You asked: first", replayed[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondStream_ClosesTheFirst_WithCollision()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), [DirectLineClient.SecretSetting]);
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        var started = await client.StartAsync(token);
        await client.WaitForAsync(conversationId, token, a => (string?)a["type"] == "message");
        using var first = new ClientWebSocket();
        await first.ConnectAsync(new Uri((string)started["streamUrl"]!), CancellationToken.None);
        await DirectLineClient.ReceiveAsync(first, Patience);

        using var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}", token);
        using var second = new ClientWebSocket();
        await second.ConnectAsync(new Uri((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!), CancellationToken.None);

        Assert.Null(await DirectLineClient.ReceiveAsync(first, Patience));
        Assert.Equal("collision", first.CloseStatusDescription);
        Assert.NotNull(await DirectLineClient.ReceiveAsync(second, Patience));
    }

    [Fact]
    public async Task StreamAddress_ForAnotherConversation_OrWithoutItsCredential_IsRefused()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), [DirectLineClient.SecretSetting]);
        var client = new DirectLineClient(bot.Client);
        var (token, _) = await client.GenerateTokenAsync();
        var started = await client.StartAsync(token);
        var (otherToken, otherConversation) = await client.GenerateTokenAsync();
        await client.StartAsync(otherToken);
        var streamUrl = (string)started["streamUrl"]!;
        var credential = streamUrl[(streamUrl.IndexOf("?t=", StringComparison.Ordinal) + 3)..];

        using var borrowed = new ClientWebSocket();
        using var bare = new ClientWebSocket();
        var borrowing = borrowed.ConnectAsync(new Uri($"ws://{bot.Client.BaseAddress!.Authority}/v3/directline/conversations/{otherConversation}/stream?t={credential}"), CancellationToken.None);
        var barely = bare.ConnectAsync(new Uri(streamUrl[..streamUrl.IndexOf('?', StringComparison.Ordinal)]), CancellationToken.None);

        await Assert.ThrowsAsync<WebSocketException>(() => borrowing);
        await Assert.ThrowsAsync<WebSocketException>(() => barely);
    }

    private static IEnumerable<JsonNode> Activities(JsonObject frame) => frame["activities"]!.AsArray().Select(a => a!);
}
