using System.Net;
using System.Text.Json.Nodes;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.State.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Health;

/// <summary>/healthz says the process lives; /readyz whether it can answer, check by check, as Kubernetes probes read them.</summary>
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task AStartedBot_IsAliveAndReady_WithTheIndexAndTheStateDatabaseListed()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep());

        var (liveStatus, live) = await GetAsync(bot, "/healthz");
        var (readyStatus, ready) = await GetAsync(bot, "/readyz");

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", (string?)live["status"]);
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("Healthy", (string?)ready["status"]);
        Assert.Equal(["index", "state"], ready["checks"]!.AsObject().Select(c => c.Key).Order());
        Assert.Matches(@"^\d+ articles, \d+ passages$", (string?)ready["checks"]!["index"]!["description"]);
        Assert.Equal("SQLite reachable", (string?)ready["checks"]!["state"]!["description"]);
    }

    [Fact]
    public async Task WhenTheIndexCannotOpen_TheBotStaysUp_AliveButNotReady_AndSaysWhy()
    {
        var blocked = Path.GetTempFileName();   // a file where the index's folder should be
        try
        {
            await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), ["Retrieval:IndexPath=" + blocked]);

            var (liveStatus, _) = await GetAsync(bot, "/healthz");
            var (readyStatus, ready) = await GetAsync(bot, "/readyz");

            Assert.Equal(HttpStatusCode.OK, liveStatus);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
            Assert.Equal("Unhealthy", (string?)ready["checks"]!["index"]!["status"]);
            Assert.StartsWith("The index could not be opened: ", (string?)ready["checks"]!["index"]!["description"], StringComparison.Ordinal);
            Assert.Equal("Healthy", (string?)ready["checks"]!["state"]!["status"]);
            Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("The articles' index could not be opened", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(blocked);
        }
    }

    [Fact]
    public async Task WhenTheStateDatabaseIsDown_TheBotIsNotReady_WithoutSayingWhereTheDatabaseIs()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), services: SwitchableDatabase.Install);
        bot.Services.GetRequiredService<SwitchableDatabase>().Down = true;

        var (readyStatus, ready) = await GetAsync(bot, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", (string?)ready["checks"]!["state"]!["status"]);
        Assert.Equal("The state database cannot be reached.", (string?)ready["checks"]!["state"]!["description"]);
        Assert.DoesNotContain("the database is down", ready.ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(BotHost bot, string path)
    {
        using var response = await bot.Client.GetAsync(path);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
