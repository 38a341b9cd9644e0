using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SummitBot.Benchmarks.DirectLineLoad;

/// <summary>
/// One visitor, as the chat page behaves: a page token, a conversation, its WebSocket stream, the welcome, then
/// questions one after another, each timed from its first POST until its answer arrives on the stream. Checks what
/// the stream carries: only this conversation's activities, each once, and one answer per question, replying to
/// the echo its POST returned. With several instances of the bot, each request goes to one of them at random, as a
/// load balancer without affinity would send it; the stream stays on the instance that handed out its address.
/// </summary>
internal sealed class Visitor(int number, IReadOnlyList<HttpClient> instances, LoadTally tally, TimeSpan answerTimeout) : IDisposable
{
    /// <summary>Longest Retry-After obeyed: the bot says 5 s; a larger value would eat the whole answer budget.</summary>
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource streamLost = new();
    private readonly TaskCompletionSource welcomed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();

    // By clientActivityID (one per question, kept across retries, as Web Chat does) and by the echo's id.
    private readonly Dictionary<string, Question> asked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Question> echoed = new(StringComparer.Ordinal);
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private string conversationId = "";
    private string token = "";
    private Task receiving = Task.CompletedTask;
    private volatile bool closing;

    public async Task RunAsync(IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var began = Stopwatch.GetTimestamp();
        using (var page = await PostAsync("webchat/token", body: null, cancellationToken))
        {
            if (await Read(page, "the page token", cancellationToken) is not { } pageToken)
            {
                return;
            }

            token = Text(pageToken["token"]) ?? "";
        }

        using (var started = await PostAsync("v3/directline/conversations", body: null, cancellationToken))
        {
            if (await Read(started, "a conversation", cancellationToken) is not { } conversation)
            {
                return;
            }

            conversationId = Text(conversation["conversationId"]) ?? "";
            token = Text(conversation["token"]) ?? token;
            var stream = new Uri(Text(conversation["streamUrl"]) ?? "", UriKind.Absolute);
            if (!DirectLineLoad.IsLoopback(stream))
            {
                // The run's promise is traffic to 127.0.0.1 only, whatever address the bot hands out.
                tally.Error($"visitor {number}: the streamUrl {stream.Host} is not a loopback address; not opened");
                return;
            }

            await socket.ConnectAsync(stream, cancellationToken);
        }

        receiving = ReceiveAsync(cancellationToken);
        using (var wait = Budget(cancellationToken))
        {
            try
            {
                await welcomed.Task.WaitAsync(wait.Token);
                tally.Started(Stopwatch.GetElapsedTime(began));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The bot skips a welcome when it is swamped; the questions are still owed answers.
                tally.Error($"visitor {number}: no welcome within {answerTimeout.TotalSeconds:F0} s");
            }
        }

        for (var i = 0; i < questions.Count && !streamLost.IsCancellationRequested; i++)
        {
            await AskAsync(questions[i], $"visitor-{number}-q{i}", cancellationToken);
        }
    }

    /// <summary>Closes the stream (the bot answers with its own close) and waits for the receiving loop to end.</summary>
    public async Task CloseAsync()
    {
        closing = true;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", patience.Token);
            }

            await receiving.WaitAsync(patience.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
        {
            socket.Abort();
        }
    }

    public void Dispose()
    {
        socket.Dispose();
        streamLost.Dispose();
    }

    private async Task AskAsync(string text, string clientActivityId, CancellationToken cancellationToken)
    {
        var question = new Question(text, Stopwatch.GetTimestamp());
        lock (gate)
        {
            asked[clientActivityId] = question;
        }

        var message = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = $"visitor-{number}", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        };
        using var wait = Budget(cancellationToken);
        try
        {
            using (var posted = await PostAsync($"v3/directline/conversations/{conversationId}/activities", message, wait.Token))
            {
                if (await Read(posted, $"posting '{text}'", wait.Token) is not { } resource)
                {
                    return;
                }

                lock (gate)
                {
                    question.PostedId = Text(resource["id"]);
                }
            }

            await question.Answered.Task.WaitAsync(wait.Token);
            lock (gate)
            {
                // The answer may beat the POST's response onto the stream, so the two ids are compared once both are in.
                if (question.PostedId != question.RepliedTo)
                {
                    tally.Violation($"visitor {number}: '{text}' was posted as {question.PostedId} but answered as a reply to {question.RepliedTo}");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            tally.Error(streamLost.IsCancellationRequested
                ? $"visitor {number}: the stream closed before '{text}' was answered"
                : $"visitor {number}: '{text}' not answered within {answerTimeout.TotalSeconds:F0} s");
        }
    }

    /// <summary>Posts, and posts again after Retry-After while the bot refuses with 503 (busy) or 429 (rate limited).</summary>
    /// <returns>The first response that is not such a refusal.</returns>
    private async Task<HttpResponseMessage> PostAsync(string path, JsonObject? body, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (token.Length > 0)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var instance = Random.Shared.Next(instances.Count);
            var response = await instances[instance].SendAsync(request, cancellationToken);
            tally.Sent(instance);
            if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests))
            {
                return response;
            }

            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            tally.Retried();
            await Task.Delay(retryAfter < LongestRetryAfter ? retryAfter : LongestRetryAfter, cancellationToken);
        }
    }

    /// <returns>The response's JSON, or null (and an error counted) when it is not a success.</returns>
    private async Task<JsonObject?> Read(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            tally.Error($"visitor {number}: {what} got HTTP {(int)response.StatusCode}");
            return null;
        }

        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
    }

    /// <summary>The per-answer budget, cut short when the stream is lost or the run is cancelled.</summary>
    private CancellationTokenSource Budget(CancellationToken cancellationToken)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, streamLost.Token);
        budget.CancelAfter(answerTimeout);
        return budget;
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                frame.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    // Stamped before parsing: the latency is the bot's and the network's, not this client's JSON reader's.
                    var at = Stopwatch.GetTimestamp();
                    if (frame.Length > 0)
                    {
                        Receive(JsonNode.Parse(frame.GetBuffer().AsSpan(0, (int)frame.Length)), at);
                    }

                    frame.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or JsonException)
        {
            if (!closing && !cancellationToken.IsCancellationRequested)
            {
                tally.Error($"visitor {number}: the stream broke: {ex.Message}");
            }
        }
        finally
        {
            if (!closing)
            {
                await streamLost.CancelAsync();
            }
        }
    }

    /// <summary>One frame: an ActivitySet, every activity of which must be this conversation's and new to this stream.</summary>
    private void Receive(JsonNode? set, long at)
    {
        lock (gate)
        {
            foreach (var activity in set?["activities"]?.AsArray() ?? [])
            {
                var id = Text(activity?["id"]);
                var conversation = Text(activity?["conversation"]?["id"]);
                if (conversation != conversationId)
                {
                    tally.Violation($"visitor {number}: activity {id} of conversation {conversation} arrived on the stream of {conversationId}");
                }

                if (id is null || !seen.Add(id))
                {
                    tally.Violation($"visitor {number}: activity {id ?? "(no id)"} arrived on the stream twice");
                    continue;
                }

                switch ((Text(activity?["type"]), Text(activity?["from"]?["role"])))
                {
                    case ("typing", _):
                        tally.Typed();
                        break;
                    case ("message", "user"):
                        Echo(id, Text(activity?["channelData"]?["clientActivityID"]));
                        break;
                    case ("message", "bot"):
                        Answer(id, Text(activity?["replyToId"]), Text(activity?["text"]), at);
                        break;
                }
            }
        }
    }

    private void Echo(string id, string? clientActivityId)
    {
        if (clientActivityId is not null && asked.TryGetValue(clientActivityId, out var question))
        {
            // A post refused with 503 was echoed too; its retry brings a second echo of the same question.
            echoed[id] = question;
        }
        else
        {
            tally.Violation($"visitor {number}: echo {id} of an activity this visitor never posted ({clientActivityId})");
        }
    }

    private void Answer(string id, string? replyToId, string? text, long at)
    {
        if (replyToId is null)
        {
            if (!welcomed.TrySetResult())
            {
                tally.Violation($"visitor {number}: bot message {id} replies to nothing, and the welcome came already");
            }

            return;
        }

        if (!echoed.TryGetValue(replyToId, out var question))
        {
            tally.Violation($"visitor {number}: bot message {id} replies to {replyToId}, which this stream never echoed");
            return;
        }

        if (question.RepliedTo is not null)
        {
            tally.Violation($"visitor {number}: '{question.Text}' answered twice ({id} after an earlier answer)");
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            tally.Violation($"visitor {number}: the answer {id} to '{question.Text}' has no text");
        }

        question.RepliedTo = replyToId;
        tally.Answered(Stopwatch.GetElapsedTime(question.SentAt, at));
        question.Answered.TrySetResult();
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>One question: when it was first posted, the echo id its accepted POST returned, the echo its answer replied to.</summary>
    private sealed class Question(string text, long sentAt)
    {
        public string Text { get; } = text;

        public long SentAt { get; } = sentAt;

        public string? PostedId { get; set; }

        public string? RepliedTo { get; set; }

        public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
