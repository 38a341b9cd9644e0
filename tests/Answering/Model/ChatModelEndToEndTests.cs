using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Answering.Model;

/// <summary>The running bot configured with an OpenAI-compatible model answers /api/ask through Semantic Kernel.</summary>
public sealed class ChatModelEndToEndTests
{
    [Fact]
    public async Task AskApi_AnswersThroughTheConfiguredModel()
    {
        await using var model = await FakeChatModel.StartAsync();
        string? quoted = null;
        model.Replies(prompt => $"{quoted = FakeChatModel.Quote(prompt, 1)} [1]");
        await using var bot = await BotHost.StartAsync(
            answers: null,
            ["ChatModel:Provider=OpenAICompatible", $"ChatModel:Endpoint={model.Endpoint}", "ChatModel:Model=x"]);

        using var response = await bot.Client.PostAsJsonAsync("/api/ask", new { question = "Where did Lee and Ishiba meet?" });

        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"{quoted} [1]", body["answer"]!.GetValue<string>());
        Assert.Equal("x", Assert.Single(model.Requests).Body["model"]!.GetValue<string>());
    }
}
