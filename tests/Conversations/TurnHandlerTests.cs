using System.Text.Json;
using System.Text.Json.Nodes;
using SummitBot.Answering;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Conversations;

/// <summary>
/// Conversation behaviour through the real endpoint, with `expectReplies` so each turn's replies come back
/// in the response and the turns run strictly one after another.
/// </summary>
public sealed class TurnHandlerTests() : BotWithChannelTest(
    new RecordingAnswerStep
    {
        Respond = question => question.Contains("explode", StringComparison.Ordinal)
            ? throw new InvalidOperationException("the answer step broke")
            : new Answer($"You asked: {question} [1]", true, [RecordingAnswerStep.ReutersCitation]),
    },
    ["Answering:MaxQuestionLength=200"])
{
    [Fact]
    public async Task FollowUpQuestion_IsGivenThePreviousTurnAsHistory()
    {
        await AskAsync("Who is South Korea's president?");
        await AskAsync("When did he take office?");

        var (question, history) = Answers.Calls[^1];
        Assert.Equal("When did he take office?", question);
        var turn = Assert.Single(history);
        Assert.Equal("Who is South Korea's president?", turn.Question);
        Assert.Equal("You asked: Who is South Korea's president? [1]", turn.Answer);
    }

    [Fact]
    public async Task History_IsKeptPerConversation()
    {
        await AskAsync("Who is South Korea's president?", conversation: "a:first");
        await AskAsync("When did he take office?", conversation: "a:second");

        Assert.Empty(Answers.Calls[^1].History);
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("Start over")]
    [InlineData("/reset")]
    public async Task Reset_ForgetsTheConversation(string command)
    {
        await AskAsync("Who is South Korea's president?");

        var reply = await AskAsync(command);
        await AskAsync("When did he take office?");

        Assert.StartsWith("Done: I've forgotten our conversation.", reply, StringComparison.Ordinal);
        Assert.Equal(2, Answers.Calls.Count);
        Assert.Empty(Answers.Calls[^1].History);
    }

    [Fact]
    public async Task Help_ExplainsTheBotAndItsCommands_WithoutAskingTheAnswerStep()
    {
        var reply = await AskAsync("Help");

        Assert.Contains("**sources**", reply, StringComparison.Ordinal);
        Assert.Contains("**reset**", reply, StringComparison.Ordinal);
        Assert.Empty(Answers.Calls);
    }

    [Theory]
    [InlineData("Hi!", "Hello!")]
    [InlineData("good morning", "Hello!")]
    [InlineData("Thanks, bot!", "You're welcome")]
    [InlineData("thank you very much", "You're welcome")]
    public async Task GreetingOrThanks_IsAnsweredInKind_WithoutAskingTheAnswerStep(string text, string opening)
    {
        var reply = await AskAsync(text);

        Assert.StartsWith(opening, reply, StringComparison.Ordinal);
        Assert.Empty(Answers.Calls);
    }

    [Fact]
    public async Task Answer_OffersSuggestedQuestionsNotYetAsked()
    {
        var first = await RepliesToAsync("Where did Lee and Ishiba meet?");
        var second = await RepliesToAsync("What did Lee and Ishiba agree on?");

        var offered = Suggested(first);
        Assert.Equal(3, offered.Count);
        Assert.DoesNotContain("Where did Lee and Ishiba meet?", offered);
        Assert.DoesNotContain("What did Lee and Ishiba agree on?", Suggested(second));
        Assert.All(first.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray(), a => Assert.Equal("imBack", a.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("thanks")]
    [InlineData("What can you do?")]
    [InlineData("help")]
    public async Task SmallTalkAndHelp_GetAFriendlyReplyWithSuggestions_NotLabelledAIGenerated(string text)
    {
        var reply = await RepliesToAsync(text);

        Assert.Equal(3, Suggested(reply).Count);
        Assert.False(reply.TryGetProperty("entities", out var entities) && entities.GetRawText().Contains("AIGeneratedContent", StringComparison.Ordinal));
        Assert.Empty(Answers.Calls);
    }

    [Fact]
    public async Task Sources_ListsEveryArticleOfTheCorpusWithALink()
    {
        var reply = await AskAsync("sources");

        var articleIds = Directory.GetFiles(Path.Combine(SummitBot.Hosting.RepositoryRoot.Locate(), "articles"), "*.txt").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(5, articleIds.Count);
        Assert.All(articleIds, id => Assert.Contains($"{Bot.Client.BaseAddress}articles/{id})", reply, StringComparison.Ordinal));
        Assert.Contains("[Japan's Ishiba, South Korea's Lee affirm cooperation before Lee meets Trump]", reply, StringComparison.Ordinal);
        Assert.Contains("— Reuters, 2025-08-23", reply, StringComparison.Ordinal);
        Assert.Empty(Answers.Calls);
    }

    [Fact]
    public async Task OverLongText_GetsAPoliteRequestToShortenIt_NotAnError()
    {
        var reply = await AskAsync(new string('x', 250));

        Assert.Equal("That message is 250 characters long, and I can take questions of up to 200. Could you ask it more briefly?", reply);
        Assert.Empty(Answers.Calls);
    }

    [Fact]
    public async Task AFailingAnswer_GetsAnApology_AndTheNextQuestionIsAnsweredNormally()
    {
        var failed = await AskAsync("please explode", conversation: "a:unlucky");
        var other = await AskAsync("Who is South Korea's president?", conversation: "a:other");
        var again = await AskAsync("Who is South Korea's president?", conversation: "a:unlucky");

        Assert.Equal("Sorry, I couldn't answer that just now. Please try again in a moment.", failed);
        Assert.Equal("You asked: Who is South Korea's president? [1]", other.Split("\n\n")[0]);
        Assert.Equal("You asked: Who is South Korea's president? [1]", again.Split("\n\n")[0]);
        Assert.Empty(Answers.Calls[^1].History);
    }

    [Fact]
    public async Task MentionOnly_GetsTheHelpText()
    {
        var activity = Fixtures.Load("teams-groupchat-mention", Channel).With("text", "<at>SummitBot</at> ").With("deliveryMode", "expectReplies");

        var reply = await TextOfAsync(activity);

        Assert.Contains("**help**", reply, StringComparison.Ordinal);
        Assert.Empty(Answers.Calls);
    }

    [Fact]
    public async Task ConversationUpdateAddingThreeHundredMembers_GetsExactlyOneGenericWelcome_AndABoundedBody()
    {
        var members = new JsonArray(Enumerable.Range(1, 300).Select(i => (JsonNode)new JsonObject { ["id"] = $"29:user{i}", ["name"] = $"User {i}" }).ToArray());
        members.Add(new JsonObject { ["id"] = "b7c8d9e0-1f2a-4b3c-9d4e-5f6a7b8c9d0e", ["name"] = "Bot" });
        var update = Fixtures.Load("emulator-conversation-update", Channel).With("membersAdded", members).With("deliveryMode", "expectReplies");

        var response = await Bot.PostActivityAsync(update);
        var body = await response.Content.ReadAsStringAsync();

        using var json = JsonDocument.Parse(body);
        var welcome = Assert.Single(json.RootElement.GetProperty("activities").EnumerateArray());
        Assert.StartsWith("Hi! I answer questions", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(body.Length < 4096, $"{body.Length} characters");
    }

    [Fact]
    public async Task ConversationUpdateAddingThreeHundredMembers_ThroughTheConnector_PostsOneWelcome()
    {
        var members = new JsonArray(Enumerable.Range(1, 300).Select(i => (JsonNode)new JsonObject { ["id"] = $"29:user{i}", ["name"] = $"User {i}" }).ToArray());

        await Bot.PostActivityAsync(Fixtures.Load("teams-members-added", Channel).With("membersAdded", members));
        await Channel.WaitForMessageAsync();
        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));
        await Channel.WaitForMessageAsync(2);

        Assert.Single(Channel.Posted, p => p.Activity.SuggestedActions is not null && p.Activity.Entities is null);
    }

    [Theory]
    [InlineData("Ana Costa", "Hi Ana Costa! I answer questions")]
    [InlineData(null, "Hi! I answer questions")]
    public async Task ALoneNewcomer_IsWelcomedByName_WhenTheChannelGivesOne(string? name, string opening)
    {
        var member = new JsonObject { ["id"] = "29:newcomer" };
        if (name is not null)
        {
            member["name"] = name;
        }

        var update = Fixtures.Load("emulator-conversation-update", Channel).With("membersAdded", new JsonArray(member)).With("deliveryMode", "expectReplies");

        var text = await TextOfAsync(update);

        Assert.StartsWith(opening, text, StringComparison.Ordinal);
    }

    private async Task<string> AskAsync(string text, string conversation = "a:1xyzPersonalConversation")
    {
        var activity = Fixtures.Load("emulator-message", Channel)
            .With("text", text)
            .With("conversation", new JsonObject { ["id"] = conversation })
            .With("deliveryMode", "expectReplies");
        return await TextOfAsync(activity);
    }

    private async Task<JsonElement> RepliesToAsync(string text)
    {
        var activity = Fixtures.Load("emulator-message", Channel).With("text", text).With("deliveryMode", "expectReplies");
        var response = await Bot.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("activities").EnumerateArray().Last(a => a.GetProperty("type").GetString() == "message").Clone();
    }

    private static List<string> Suggested(JsonElement reply) =>
        reply.TryGetProperty("suggestedActions", out var actions)
            ? [.. actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()!)]
            : [];

    private async Task<string> TextOfAsync(JsonObject activity)
    {
        var response = await Bot.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray()).GetProperty("text").GetString()!;
    }
}
