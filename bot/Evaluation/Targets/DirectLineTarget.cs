using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SummitBot.Evaluation.Targets;

/// <summary>
/// Asks a bot through Direct Line 3.0, the way a web chat visitor reaches it: the bot's own endpoint
/// (http://host/v3/directline) or Azure's (https://directline.botframework.com/v3/directline). Each case starts its own
/// conversation with the secret and continues it with the conversation's token; each question is posted as the
/// visitor's message, and its answer is the bot's message in reply to it, read by polling the conversation's
/// activities from the last watermark.
/// </summary>
public sealed class DirectLineTarget(HttpClient http, Uri directLine, string secret, ArticleCatalog articles, EvaluationOptions options) : IEvalTarget
{
    private readonly Uri root = Normalize(directLine);
    private readonly string secret = secret;
    private readonly ArticleCatalog articles = articles;
    private readonly TimeSpan requestTimeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
    private readonly TimeSpan pollInterval = TimeSpan.FromMilliseconds(options.DirectLinePollMilliseconds);

    public IEvalConversation StartConversation() => new Conversation(this, "eval-" + Guid.NewGuid().ToString("N"));

    /// <summary>The service's root ending in a slash; a bare host gets /v3/directline/, where every Direct Line lives.</summary>
    public static Uri Normalize(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var path = address.AbsolutePath.TrimEnd('/');
        return new UriBuilder(address) { Path = (path.Length == 0 ? "/v3/directline" : path) + "/", Query = "" }.Uri;
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string bearer, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(root, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new EndpointUnavailableException($"cannot reach the Direct Line at {root}: {ex.Message}", ex);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new EndpointUnavailableException($"the Direct Line at {root} refused the {(path == "conversations" ? "secret" : "conversation's token")} ({(int)response.StatusCode}); --secret must be one of the bot's Direct Line secrets");
            }

            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && path == "conversations")
            {
                throw new EndpointUnavailableException($"{root} is not a Direct Line endpoint (HTTP {(int)response.StatusCode}); it usually ends in /v3/directline");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"the Direct Line answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
            }

            var read = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false);
            return read as JsonObject ?? throw new InvalidDataException("the Direct Line's response is not a JSON object");
        }
    }

    private sealed class Conversation(DirectLineTarget target, string userId) : IEvalConversation
    {
        private string? conversationId;
        private string? token;
        private string? watermark;

        /// <remarks>
        /// Starting the conversation and posting the question are not timed: a Direct Line that paces them says how
        /// long to wait (429, Retry-After), and the eval client waits. The timeout is the bot's: the wait for its answer.
        /// </remarks>
        public async Task<BotReply> AskAsync(string question, CancellationToken cancellationToken)
        {
            if (conversationId is null)
            {
                var started = await target.SendAsync(HttpMethod.Post, "conversations", target.secret, null, cancellationToken).ConfigureAwait(false);
                conversationId = (string?)started["conversationId"] ?? throw new InvalidDataException("the Direct Line started a conversation without a conversationId");
                token = (string?)started["token"] ?? target.secret;
            }

            var asked = Stopwatch.GetTimestamp();
            var posted = await target.SendAsync(HttpMethod.Post, $"conversations/{Uri.EscapeDataString(conversationId)}/activities", token!, Message(question), cancellationToken).ConfigureAwait(false);
            var postedId = (string?)posted["id"] ?? throw new InvalidDataException("the Direct Line accepted the message without an id");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(target.requestTimeout);
            try
            {
                var reply = await AnswerToAsync(postedId, timeout.Token).ConfigureAwait(false);
                return reply with { Latency = Stopwatch.GetElapsedTime(asked) };
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no reply within {target.requestTimeout.TotalSeconds} s");
            }
        }

        private async Task<BotReply> AnswerToAsync(string postedId, CancellationToken cancellationToken)
        {
            while (true)
            {
                var query = watermark is null ? "" : "?watermark=" + Uri.EscapeDataString(watermark);
                var set = await target.SendAsync(HttpMethod.Get, $"conversations/{Uri.EscapeDataString(conversationId!)}/activities{query}", token!, null, cancellationToken).ConfigureAwait(false);
                watermark = (string?)set["watermark"] ?? watermark;
                var replies = (set["activities"] as JsonArray ?? []).OfType<JsonObject>()
                    .Where(a => (string?)a["type"] == "message" && (string?)a["replyToId"] == postedId && (string?)a["from"]?["id"] != userId)
                    .Select(a => a.DeepClone())
                    .ToArray();
                if (replies.Length > 0)
                {
                    return ReplyActivities.Read(new JsonObject { ["activities"] = new JsonArray(replies) }.ToJsonString(), target.articles);
                }

                await Task.Delay(target.pollInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        private JsonObject Message(string question) => new()
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Evaluator", ["role"] = "user" },
            ["text"] = question,
            ["textFormat"] = "plain",
            ["locale"] = "en-US",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        };
    }
}
