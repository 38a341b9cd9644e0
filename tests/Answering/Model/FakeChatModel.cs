using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Answering.Model;

/// <summary>
/// A chat completions server on 127.0.0.1 speaking both wire formats the bot's connectors use: OpenAI's
/// (POST /v1/chat/completions, a bearer key) and Azure OpenAI's (POST /openai/deployments/{deployment}/chat/completions
/// ?api-version=…, an api-key header or a bearer token). Each request gets the next scripted reply (a text,
/// a stream of pieces, a bare status, a hang, a broken body); every request is kept with its headers.
/// </summary>
internal sealed class FakeChatModel : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<JsonObject, HttpContext, Task>> replies = new();
    private readonly ConcurrentQueue<FakeChatRequest> requests = new();
    private LoopbackServer? server;

    /// <summary>The address an OpenAI-compatible ChatModel:Endpoint takes, ending in /v1.</summary>
    public Uri Endpoint => new(server!.BaseAddress, "v1");

    /// <summary>The address an Azure OpenAI ChatModel:Endpoint takes: the resource's root.</summary>
    public Uri Root => server!.BaseAddress;

    public IReadOnlyList<FakeChatRequest> Requests => [.. requests];

    public static async Task<FakeChatModel> StartAsync()
    {
        var fake = new FakeChatModel();
        fake.server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", fake.AnswerAsync);
            app.MapPost("/openai/deployments/{deployment}/chat/completions", fake.AnswerAsync);
        });
        return fake;
    }

    /// <summary>A whole completion with this text; a streamed request gets it as one piece.</summary>
    public void Replies(string content) => Replies(_ => content);

    /// <summary>A whole completion with the text <paramref name="content"/> writes from the prompt the bot sent.</summary>
    public void Replies(Func<string, string> content) => replies.Enqueue((body, context) =>
    {
        var text = content(PromptOf(body));
        return IsStreamed(body) ? StreamAsync(context, body, [text]) : context.Response.WriteAsJsonAsync(Completion(body, text));
    });

    /// <summary>The first sentence of passage [<paramref name="n"/>] of a prompt: what a model that quotes its sources would say.</summary>
    public static string Quote(string prompt, int n)
    {
        var passage = System.Text.RegularExpressions.Regex.Match(prompt, $@"\[{n}\] [^\n]*?\): (?<text>[^\n]+)").Groups["text"].Value;
        var sentences = SummitBot.Retrieval.Passages.SentenceSplitter.Split(passage);
        return sentences.Count == 0 ? "" : passage[sentences[0]].Trim();
    }

    /// <summary>A stream of the pieces <paramref name="pieces"/> writes from the prompt when the request asks to stream (server-sent events), else one completion of them joined.</summary>
    /// <param name="pause">Between pieces, as a model takes time to write them.</param>
    public void Streams(Func<string, string[]> pieces, TimeSpan pause = default) => replies.Enqueue((body, context) =>
    {
        var parts = pieces(PromptOf(body));
        return IsStreamed(body) ? StreamAsync(context, body, parts, pause) : context.Response.WriteAsJsonAsync(Completion(body, string.Concat(parts)));
    });

    public void FailsWith(int status, string? retryAfter = null) => replies.Enqueue((_, context) =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return context.Response.WriteAsJsonAsync(new { error = new { message = "scripted failure", type = "server_error" } });
    });

    /// <summary>Accepts the request and never answers, until the bot gives up on it.</summary>
    public void Hangs() => replies.Enqueue((_, context) => Task.Delay(Timeout.Infinite, context.RequestAborted));

    public void AnswersWithBrokenJson() => replies.Enqueue((_, context) =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"id\": \"chatcmpl-test\", \"choices\": [{\"message\": ");
    });

    public void AnswersWithNoChoices() => replies.Enqueue((body, context) =>
    {
        var completion = Completion(body, "");
        completion["choices"] = new JsonArray();
        return context.Response.WriteAsJsonAsync(completion);
    });

    /// <summary>The text of every message the bot sent in request <paramref name="index"/>, joined.</summary>
    public string Prompt(int index) => PromptOf(Requests[index].Body);

    private static string PromptOf(JsonObject body) =>
        string.Join("\n", body["messages"]!.AsArray().Select(m => $"{m!["role"]}: {m["content"]}"));

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        requests.Enqueue(new FakeChatRequest(
            context.Request.Path, context.Request.QueryString.Value ?? "", body,
            context.Request.Headers.Authorization.ToString(), context.Request.Headers["api-key"].ToString()));
        if (replies.TryDequeue(out var reply))
        {
            await reply(body, context);
        }
        else
        {
            context.Response.StatusCode = 500;
        }
    }

    private static bool IsStreamed(JsonObject body) => body["stream"]?.GetValue<bool>() == true;

    private static async Task StreamAsync(HttpContext context, JsonObject request, IReadOnlyList<string> pieces, TimeSpan pause = default)
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var piece in pieces)
        {
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, context.RequestAborted);
            }

            var chunk = Chunk(request, new JsonObject { ["role"] = "assistant", ["content"] = piece }, finish: null);
            await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", Encoding.UTF8, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await context.Response.WriteAsync($"data: {Chunk(request, [], "stop").ToJsonString()}\n\ndata: [DONE]\n\n", Encoding.UTF8, context.RequestAborted);
    }

    private static JsonObject Chunk(JsonObject request, JsonObject delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_756_000_000,
        ["model"] = request["model"]?.GetValue<string>() ?? "test-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

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

/// <param name="Authorization">The Authorization header: "Bearer KEY" for OpenAI, "Bearer TOKEN" for Entra ID.</param>
/// <param name="ApiKey">Azure OpenAI's api-key header.</param>
internal sealed record FakeChatRequest(string Path, string Query, JsonObject Body, string Authorization, string ApiKey);
