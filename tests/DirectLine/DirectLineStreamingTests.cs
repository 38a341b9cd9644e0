using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.DirectLine;

/// <summary>With a step that writes drafts (a chat model), the answer is streamed as Web Chat's livestreaming reads it.</summary>
public sealed class DirectLineStreamingTests
{
    [Fact]
    public async Task Drafts_AreTypingWithTheTextSoFar_InOneStream_ThenTheCheckedAnswerReplacesThem()
    {
        await using var bot = await BotHost.StartAsync(new DraftingAnswerStep(), [DirectLineClient.SecretSetting, "Conversations:DraftInterval=00:00:00"]);
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        var started = await client.StartAsync(token);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), CancellationToken.None);
        await DirectLineClient.ReceiveAsync(socket, TimeSpan.FromSeconds(10));

        (await client.PostAsync(conversationId, token, DirectLineClient.Message("Where did they meet?"))).Dispose();
        var seen = new List<JsonNode>();
        while (!seen.Any(a => (string?)a["type"] == "message" && (string?)a["from"]?["role"] == "bot"))
        {
            seen.AddRange((await DirectLineClient.ReceiveAsync(socket, TimeSpan.FromSeconds(10)))!["activities"]!.AsArray().Select(a => a!));
        }

        var drafts = seen.Where(a => (string?)a["type"] == "typing" && a["text"] is not null).ToList();
        Assert.Equal(["They met", "They met in Tokyo", "They met in Tokyo [1]."], drafts.Select(d => (string?)d["text"]));
        Assert.Equal([1, 2, 3], drafts.Select(d => (int)d["channelData"]!["streamSequence"]!));
        var streamId = (string?)drafts[0]["id"];
        Assert.Null(drafts[0]["channelData"]!["streamId"]);
        Assert.All(drafts.Skip(1), d => Assert.Equal(streamId, (string?)d["channelData"]!["streamId"]));
        var final = seen.Last();
        Assert.Equal("final", (string?)final["channelData"]?["streamType"]);
        Assert.Equal(streamId, (string?)final["channelData"]?["streamId"]);
        Assert.StartsWith("They met in Tokyo [1].", (string?)final["text"], StringComparison.Ordinal);

        // Polling and a reconnect keep the first draft (it names the stream) and the final answer, not every draft.
        var kept = (await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray().Where(a => (string?)a!["type"] == "typing").ToList();
        Assert.Equal(streamId, (string?)Assert.Single(kept)!["id"]);
    }

    [Fact]
    public async Task Drafts_ComeNoOftenerThanTheDraftInterval()
    {
        await using var bot = await BotHost.StartAsync(new DraftingAnswerStep(), [DirectLineClient.SecretSetting, "Conversations:DraftInterval=00:00:05"]);
        var client = new DirectLineClient(bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        await client.StartAsync(token);

        (await client.PostAsync(conversationId, token, DirectLineClient.Message("Where did they meet?"))).Dispose();

        var activities = (await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray();
        Assert.Equal("They met", (string?)Assert.Single(activities, a => (string?)a!["type"] == "typing")!["text"]);
        Assert.Equal("final", (string?)activities[^1]!["channelData"]?["streamType"]);
    }
}
