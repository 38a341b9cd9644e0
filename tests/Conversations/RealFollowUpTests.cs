using System.Text.Json;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Conversations;

/// <summary>The shipped answer step behind /api/messages: a follow-up question is understood through the conversation's history.</summary>
public sealed class RealFollowUpTests
{
    [Fact]
    public async Task WhenDidHeTakeOffice_AfterAskingWhoThePresidentIs_IsAnsweredWithJuneAndACitation()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(answers: null);
        var message = Fixtures.Load("teams-personal-message", channel).With("deliveryMode", "expectReplies");

        var first = await ReplyAsync(bot, message.With("text", "Who is South Korea's president?"));
        var followUp = await ReplyAsync(bot, message.With("text", "When did he take office?").With("id", "1712345678902"));

        Assert.Contains("Lee Jae", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        var text = followUp.GetProperty("text").GetString()!;
        Assert.Contains("June", text, StringComparison.Ordinal);
        Assert.Matches(@"\[\d+\]", text);
        var claims = followUp.GetProperty("entities")[0].GetProperty("citation");
        Assert.True(claims.GetArrayLength() >= 1);
    }

    private static async Task<JsonElement> ReplyAsync(BotHost bot, System.Text.Json.Nodes.JsonObject activity)
    {
        var response = await bot.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray()).Clone();
    }
}
