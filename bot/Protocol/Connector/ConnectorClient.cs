using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Auth;

namespace SummitBot.Protocol.Connector;

/// <summary>How one reply's delivery ended.</summary>
/// <param name="Failure">Why it was not delivered (the last status or error, and whether the deadline ended it); null when it was.</param>
/// <param name="Id">The id the channel gave the activity, when asked for and its response said.</param>
public sealed record DeliveryResult(bool Delivered, int Attempts, string? Failure, string? Id = null);

/// <summary>Sends the bot's activities to a channel's Connector, retried through <see cref="ConnectorPipeline"/> until its deadline.</summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClients,
    IOutboundTokenProvider tokens,
    ConnectorPipeline pipeline,
    TimeProvider time)
{
    public const string HttpClientName = "BotConnector";

    /// <summary>
    /// Posts <paramref name="activity"/> as a reply to its replyToId, or as a new message when it has none. The
    /// body is serialised once, so every attempt carries the same activity id and a Connector that saw an
    /// earlier attempt (one that timed out on the bot's side) can tell it is the same reply.
    /// </summary>
    /// <param name="readId">Read the channel's id for the activity off the response (Teams' stream id); otherwise only the status is read.</param>
    /// <exception cref="OperationCanceledException">Only <paramref name="cancellationToken"/>; the deadline ends in a result.</exception>
    public async Task<DeliveryResult> DeliverAsync(Uri serviceUrl, Activity activity, DateTimeOffset deadline, bool singleAttempt, CancellationToken cancellationToken, bool readId = false)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("A reply needs a conversation id.", nameof(activity));
        var url = ConnectorUrls.Activities(serviceUrl, conversationId, activity.ReplyToId);
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options);
        var attempts = 0;
        var refreshed = false;
        string? lastFailure = null;

        async ValueTask<HttpResponseMessage> AttemptAsync(CancellationToken attemptToken)
        {
            attempts++;
            try
            {
                var response = await AttemptOnceAsync(attemptToken).ConfigureAwait(false);
                lastFailure = response.IsSuccessStatusCode ? null : ConnectorPipeline.Describe(Outcome.FromResult(response));
                return response;
            }
            catch (Exception ex) when (!attemptToken.IsCancellationRequested)
            {
                lastFailure = ConnectorPipeline.Describe(Outcome.FromException<HttpResponseMessage>(ex));
                throw;
            }
        }

        async ValueTask<HttpResponseMessage> AttemptOnceAsync(CancellationToken attemptToken)
        {
            var token = await tokens.GetTokenAsync(forceRefresh: false, attemptToken).ConfigureAwait(false);
            var response = await PostAsync(url, body, token, attemptToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && !refreshed)
            {
                // The cached token may have been revoked or rotated: one fresh token, one more try, once per reply.
                refreshed = true;
                response.Dispose();
                token = await tokens.GetTokenAsync(forceRefresh: true, attemptToken).ConfigureAwait(false);
                response = await PostAsync(url, body, token, attemptToken).ConfigureAwait(false);
            }

            return response;
        }

        var outcome = await pipeline.ExecuteAsync(AttemptAsync, deadline, singleAttempt, cancellationToken).ConfigureAwait(false);
        using var last = outcome.Result;
        cancellationToken.ThrowIfCancellationRequested();
        if (last is { IsSuccessStatusCode: true })
        {
            return new DeliveryResult(true, attempts, null, readId ? await ReadIdAsync(last, cancellationToken).ConfigureAwait(false) : null);
        }

        // The deadline's cancellation may fire a moment before the clock reaches it, hence both checks.
        var failure = outcome.Exception is OperationCanceledException || time.GetUtcNow() >= deadline
            ? $"its delivery deadline passed (last failure: {lastFailure ?? "none"})"
            : lastFailure ?? ConnectorPipeline.Describe(outcome);
        return new DeliveryResult(false, attempts, failure);
    }

    /// <summary>Largest response body read for its id: a ResourceResponse is `{"id":"…"}`.</summary>
    private const int MaxIdResponseBytes = 4096;

    /// <returns>The `id` of a ResourceResponse body, or null when the body is none, too large or not one.</returns>
    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxIdResponseBytes)
        {
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxIdResponseBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            try
            {
                using var body = JsonDocument.Parse(buffer.AsMemory(0, length));
                return length <= MaxIdResponseBytes
                    && body.RootElement.ValueKind == JsonValueKind.Object
                    && body.RootElement.TryGetProperty("id", out var id)
                    && id.ValueKind == JsonValueKind.String
                    ? id.GetString()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    private async Task<HttpResponseMessage> PostAsync(Uri url, byte[] body, string? token, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // Headers only: the bot needs the status, and a Connector's body (whatever its size) is never buffered.
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }
}
