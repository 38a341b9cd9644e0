using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Auth;

namespace SummitBot.Protocol.Connector;

/// <summary>Sends the bot's activities to a channel's Connector, through the resilience pipeline.</summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClients,
    IOutboundTokenProvider tokens,
    ConnectorPipeline pipeline)
{
    public const string HttpClientName = "BotConnector";

    /// <summary>Posts <paramref name="activity"/> as a reply to its replyToId, or as a new message when it has none.</summary>
    /// <exception cref="HttpRequestException">The Connector refused it, or kept failing until the retries ran out.</exception>
    public async Task SendAsync(Uri serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("A reply needs a conversation id.", nameof(activity));
        var url = ConnectorUrls.Activities(serviceUrl, conversationId, activity.ReplyToId);
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options);

        var token = await tokens.GetTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
        var response = await PostAsync(url, body, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
        {
            // The cached token may have been revoked or rotated: one fresh token, one more try.
            response.Dispose();
            token = await tokens.GetTokenAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
            response = await PostAsync(url, body, token, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The Connector answered {(int)response.StatusCode} to POST {url}.", null, response.StatusCode);
            }
        }
    }

    private async Task<HttpResponseMessage> PostAsync(Uri url, byte[] body, string? token, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        return await pipeline.ExecuteAsync(
            async attemptToken =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                return await client.SendAsync(request, attemptToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
