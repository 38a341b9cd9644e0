using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SummitBot.Conversations.State;
using SummitBot.Protocol;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Auth;
using SummitBot.Protocol.Inbound;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Inbound;

/// <summary>Caller-supplied strings have length limits: 400 naming the field beyond them, and no log line of their size.</summary>
public sealed class InputLimitsTests() : BotWithChannelTest()
{
    private static readonly string Huge = new('x', 200 * 1024);

    [Theory]
    [InlineData("id", "id")]
    [InlineData("replyToId", "replyToId")]
    [InlineData("channelId", "channelId")]
    [InlineData("locale", "locale")]
    [InlineData("conversation.id", "conversation.id")]
    [InlineData("from.id", "from.id")]
    [InlineData("from.name", "from.name")]
    [InlineData("recipient.id", "recipient.id")]
    [InlineData("recipient.name", "recipient.name")]
    [InlineData("from.aadObjectId", "from.aadObjectId")]
    public async Task A200KbField_Is400NamingIt_AndNothingIsAnsweredOrStored(string path, string named)
    {
        var activity = Set(Fixtures.Load("teams-personal-message", Channel), path, Huge);

        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"The activity's {named} is longer than", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Answers.Calls);
        Assert.Equal(0, await ((DatabaseConversationStore)Bot.Services.GetRequiredService<IConversationStore>()).EstimatedBytesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AHugeMemberIdOrName_Is400NamingTheMember()
    {
        var activity = Fixtures.Load("teams-members-added", Channel);
        activity["membersAdded"]![1]!["name"] = Huge;

        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("membersAdded[1].name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Channel.Posted);
    }

    [Fact]
    public async Task AServiceUrlOverItsLimit_Is400()
    {
        var serviceUrl = $"{Channel.Root}/{new string('p', 3000)}/";

        var response = await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel).With("serviceUrl", serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceUrl is longer than 2048", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerSuppliedValues_ReachTheLogShortened()
    {
        // Refused before validation (a token in anonymous mode), so the huge type and channelId reach the log line.
        var activity = Fixtures.Load("teams-personal-message", Channel).With("channelId", Huge).With("type", new string('t', 40_000));

        var response = await Bot.PostActivityAsync(activity, "Bearer x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        Assert.Contains(Bot.Logs.Lines, line => line.Message.Contains("Refused", StringComparison.Ordinal));
        Assert.All(Bot.Logs.Lines, line => Assert.InRange(line.Message.Length, 0, 999));
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void EveryChannelsRealShape_PassesTheDefaultLimits(string fixture)
    {
        var activity = JsonSerializer.Deserialize<Activity>(Fixtures.Load(fixture, "http://127.0.0.1:3978"), ActivityJson.Options)!;
        var validation = new ActivityValidation(
            Options.Create(new BotProtocolOptions()),
            new ServiceUrlPolicy(Options.Create(new BotProtocolOptions()), Options.Create(new BotAuthOptions())));

        Assert.Null(validation.Problem(activity));
    }

    public static TheoryData<string> FixtureNames() => [.. Fixtures.Names];

    private static JsonObject Set(JsonObject activity, string path, string value)
    {
        var parts = path.Split('.');
        var node = activity;
        foreach (var part in parts[..^1])
        {
            node = node[part]!.AsObject();
        }

        node[parts[^1]] = value;
        return activity;
    }
}
