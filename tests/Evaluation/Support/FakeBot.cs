using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SummitBot.Answering;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Evaluation.Support;

/// <summary>
/// A stand-in bot on 127.0.0.1 that speaks /api/messages the way the protocol reference describes for
/// <c>deliveryMode: expectReplies</c>: replies in the HTTP response as <c>{"activities":[...]}</c>, with the
/// citations in a <c>https://schema.org/Message</c> entity. It answers through an <see cref="IAnswerStep"/>,
/// keeping each conversation's history, so its verdicts can be compared with an in-process run.
/// </summary>
internal sealed class FakeBot : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<ConversationTurn>> conversations = new();
    private LoopbackServer server = null!;

    private FakeBot()
    {
    }

    public Uri Endpoint => new(server.BaseAddress, "/api/messages");

    /// <summary>Every activity received, in order.</summary>
    public ConcurrentQueue<JsonObject> Received { get; } = new();

    /// <param name="failWith">An HTTP status to answer a question with instead of replying, or null to reply.</param>
    public static async Task<FakeBot> StartAsync(IAnswerStep answers, Func<string, HttpStatusCode?>? failWith = null)
    {
        var bot = new FakeBot();
        bot.server = await LoopbackServer.StartAsync(app => app.MapPost("/api/messages", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            if (await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) is not JsonObject activity)
            {
                return Results.BadRequest();
            }

            bot.Received.Enqueue(activity);
            var text = (string?)activity["text"] ?? string.Empty;
            if (failWith?.Invoke(text) is { } status)
            {
                return Results.StatusCode((int)status);
            }

            // This fake only knows expectReplies; anything else would need a Connector to call back.
            if ((string?)activity["type"] != "message" || (string?)activity["deliveryMode"] != "expectReplies"
                || activity["conversation"]?["id"] is null || activity["serviceUrl"] is null || activity["channelId"] is null)
            {
                return Results.BadRequest();
            }

            var history = bot.conversations.GetOrAdd((string)activity["conversation"]!["id"]!, _ => []);
            var answer = await answers.AnswerAsync(text, [.. history], cancellationToken);
            history.Add(new ConversationTurn(text, answer.Text));
            var reply = new JsonObject
            {
                ["activities"] = new JsonArray(
                    new JsonObject { ["type"] = "typing" },
                    Message(answer, activity, bot.Endpoint)),
            };
            return Results.Text(reply.ToJsonString(), "application/json");
        }));
        return bot;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private static JsonObject Message(Answer answer, JsonObject inbound, Uri endpoint)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["from"] = inbound["recipient"]?.DeepClone(),
            ["recipient"] = inbound["from"]?.DeepClone(),
            ["conversation"] = inbound["conversation"]?.DeepClone(),
            ["replyToId"] = inbound["id"]?.DeepClone(),
            ["text"] = answer.Text,
        };
        if (answer.Citations.Count > 0)
        {
            var claims = new JsonArray();
            foreach (var citation in answer.Citations)
            {
                claims.Add(new JsonObject
                {
                    ["@type"] = "Claim",
                    ["position"] = citation.N,
                    ["appearance"] = new JsonObject
                    {
                        ["@type"] = "DigitalDocument",
                        ["name"] = citation.Title,
                        ["url"] = new Uri(endpoint, "/articles/" + citation.ArticleId).ToString(),
                        ["abstract"] = citation.Excerpt,
                    },
                });
            }

            message["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "https://schema.org/Message",
                ["@type"] = "Message",
                ["@context"] = "https://schema.org",
                ["@id"] = string.Empty,
                ["additionalType"] = new JsonArray("AIGeneratedContent"),
                ["citation"] = claims,
            });
        }

        return message;
    }
}
