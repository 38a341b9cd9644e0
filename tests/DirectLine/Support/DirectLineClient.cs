using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SummitBot.Tests.DirectLine.Support;

/// <summary>Direct Line 3.0 calls as a client makes them, against a bot under test; each returns the raw response.</summary>
internal sealed class DirectLineClient(HttpClient http)
{
    /// <summary>A secret the tests configure (DirectLine:Secrets:0).</summary>
    public const string Secret = "test-secret-0123456789abcdef0123456789abcdef";

    public static string SecretSetting => "DirectLine:Secrets:0=" + Secret;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }

    /// <returns>A token for a new conversation, generated with the secret.</returns>
    public async Task<(string Token, string ConversationId)> GenerateTokenAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return ((string)body!["token"]!, (string)body["conversationId"]!);
    }

    /// <returns>The started conversation's body (conversationId, token, expires_in, streamUrl).</returns>
    public async Task<JsonObject> StartAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public Task<HttpResponseMessage> PostAsync(string conversationId, string token, JsonNode activity) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, activity);

    public static JsonObject Message(string text, string clientActivityId = "client-1") => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "dl_visitor", ["name"] = "Visitor", ["role"] = "user" },
        ["locale"] = "en-US",
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
    };

    /// <returns>The activity set after <paramref name="watermark"/>.</returns>
    public async Task<JsonObject> ActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities" + (watermark is null ? "" : "?watermark=" + watermark), token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Polls until an activity matches or ten seconds pass.</summary>
    public async Task<JsonNode> WaitForAsync(string conversationId, string token, Func<JsonNode, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var set = await ActivitiesAsync(conversationId, token);
            if (set["activities"]!.AsArray().FirstOrDefault(a => a is not null && match(a)) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No such activity arrived in ten seconds.");
    }

    /// <summary>Reads one text frame (an activity set) from a stream, or null when the bot closed it.</summary>
    public static async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[256 * 1024];
        var text = new StringBuilder();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
            if (received.EndOfMessage && text.Length > 0)
            {
                return JsonNode.Parse(text.ToString())!.AsObject();
            }
        }
    }
}
