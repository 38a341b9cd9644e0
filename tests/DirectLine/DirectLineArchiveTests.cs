using Microsoft.Data.Sqlite;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.DirectLine;

/// <summary>The web chat's conversations are kept in the state database, so a restarted bot still has them.</summary>
public sealed class DirectLineArchiveTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-dl-archive-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task AfterARestart_AVisitorsTokenFindsTheConversation_WithItsActivities_AndItGoesOnNumbered()
    {
        string[] settings = [DirectLineClient.SecretSetting, "State:Path=" + Path.Combine(folder.FullName, "state.db")];
        string token, conversationId;
        await using (var before = await BotHost.StartAsync(new RecordingAnswerStep(), settings))
        {
            var client = new DirectLineClient(before.Client);
            (token, conversationId) = await client.GenerateTokenAsync();
            await client.StartAsync(token);
            (await client.PostAsync(conversationId, token, DirectLineClient.Message("Where did they meet?"))).Dispose();
        }

        await using var after = await BotHost.StartAsync(new RecordingAnswerStep(), settings);
        var again = new DirectLineClient(after.Client);
        var kept = (await again.ActivitiesAsync(conversationId, token))["activities"]!.AsArray();
        using var restarted = await again.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        (await again.PostAsync(conversationId, token, DirectLineClient.Message("And when?", "c-2"))).Dispose();
        var all = (await again.ActivitiesAsync(conversationId, token))["activities"]!.AsArray();

        Assert.Equal(["message:bot", "message:user", "message:bot"], kept.Select(a => (string)a!["type"]! + ":" + (string?)a["from"]?["role"]));
        Assert.Equal("Where did they meet?", (string?)kept[1]!["text"]);
        Assert.Equal(System.Net.HttpStatusCode.OK, restarted.StatusCode);
        Assert.Equal(5, all.Count);
        var numbers = all.Select(a => long.Parse(((string)a!["id"]!).Split('|')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }
}
