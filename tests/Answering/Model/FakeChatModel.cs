using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Answering.Model;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1: it answers each request with the next scripted
/// reply (a text, or a bare status code) and keeps every request, with its Authorization header.
/// </summary>
internal sealed class FakeChatModel : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<JsonObject, IResult>> replies = new();
    private readonly ConcurrentQueue<(JsonObject Body, string? Authorization)> requests = new();
    private LoopbackServer? server;

    /// <summary>The address the bot's ChatModel:Endpoint takes, ending in /v1.</summary>
    public Uri Endpoint => new(server!.BaseAddress, "v1");

    public IReadOnlyList<(JsonObject Body, string? Authorization)> Requests => [.. requests];

    public static async Task<FakeChatModel> StartAsync()
    {
        var fake = new FakeChatModel();
        fake.server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            fake.requests.Enqueue((body, request.Headers.Authorization.ToString()));
            return fake.replies.TryDequeue(out var reply) ? reply(body) : Results.StatusCode(500);
        }));
        return fake;
    }

    public void Replies(string content) => replies.Enqueue(body => Results.Json(Completion(body, content)));

    public void FailsWith(int status) => replies.Enqueue(_ => Results.StatusCode(status));

    /// <summary>The text of every message the bot sent in request <paramref name="index"/>, joined.</summary>
    public string Prompt(int index) =>
        string.Join("\n", Requests[index].Body["messages"]!.AsArray().Select(m => $"{m!["role"]}: {m["content"]}"));

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private static JsonObject Completion(JsonObject request, string content) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_756_000_000,
        ["model"] = request["model"]?.GetValue<string>() ?? "test-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["finish_reason"] = "stop",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        }),
        ["usage"] = JsonSerializer.SerializeToNode(new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 }),
    };
}
