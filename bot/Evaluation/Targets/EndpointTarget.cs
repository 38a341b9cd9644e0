using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Identity.Client;
using SummitBot.Protocol.Auth;

namespace SummitBot.Evaluation.Targets;

/// <summary>
/// Asks a running bot over its /api/messages, as a channel would, with <c>deliveryMode: expectReplies</c> so
/// the replies come back in the HTTP response and no Connector is needed. Each conversation gets its own id.
/// A bot with an app id gets a bearer token for that app id, obtained with the bot's own credentials, as the
/// Bot Framework Emulator's are.
/// </summary>
/// <param name="credentials">Tokens for the bot's app id; null for a bot in anonymous mode.</param>
public sealed class EndpointTarget(HttpClient http, Uri endpoint, ArticleCatalog articles, EvaluationOptions options, IOutboundTokenProvider? credentials = null) : IEvalTarget
{
    public const string HttpClientName = "SummitBot.Eval";

    private readonly string channelId = options.ChannelId;
    private readonly TimeSpan requestTimeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);

    // A channel must send a serviceUrl; with expectReplies the bot must not call it. The reserved .invalid
    // domain makes a bot that calls it anyway fail at once rather than reach something real.
    private static readonly Uri UnusedServiceUrl = new("https://eval.summitbot.invalid/");

    public IEvalConversation StartConversation() => new Conversation(this, "eval-" + Guid.NewGuid().ToString("N"));

    private async Task<BotReply> SendAsync(Protocol.Activities.Activity activity, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        HttpResponseMessage response;
        try
        {
            // A string body carries a Content-Length, as channels send; a streamed one would be chunked.
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(activity, Protocol.Activities.ActivityJson.Options), Encoding.UTF8, "application/json"),
            };
            if (credentials is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(timeout.Token).ConfigureAwait(false));
            }

            response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no reply within {requestTimeout.TotalSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            throw new EndpointUnavailableException($"cannot reach the bot at {endpoint}: {ex.Message}", ex);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new EndpointUnavailableException(credentials is null
                    ? $"the bot at {endpoint} refused the request ({(int)response.StatusCode}): it has an app id; give eval the bot's MicrosoftAppId and MicrosoftAppPassword (and MicrosoftAppTenantId for a single-tenant bot) in the environment"
                    : $"the bot at {endpoint} refused eval's token ({(int)response.StatusCode}): MicrosoftAppId and MicrosoftAppPassword must be the bot's own (and MicrosoftAppType, MicrosoftAppTenantId as the bot has them)");
            }

            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                throw new EndpointUnavailableException($"{endpoint} is not a bot's messaging endpoint (HTTP {(int)response.StatusCode}); it usually ends in /api/messages");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"the bot answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ReplyActivities.Read(body, articles);
        }
    }

    private async Task<string?> TokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await credentials!.GetTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
        }
        catch (MsalException ex)
        {
            // MSAL's message names the app and the reason (AADSTS7000215: invalid client secret), never the secret.
            throw new EndpointUnavailableException($"could not get a token for the bot from Microsoft Entra ID: {ex.ErrorCode}: {FirstLine(ex.Message)}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new EndpointUnavailableException($"could not reach Microsoft Entra ID for a token: {ex.Message}", ex);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private sealed class Conversation(EndpointTarget target, string conversationId) : IEvalConversation
    {
        public Task<BotReply> AskAsync(string question, CancellationToken cancellationToken)
        {
            var activity = AskedActivity.For(conversationId, target.channelId, question, UnusedServiceUrl.ToString());
            return target.SendAsync(activity, cancellationToken);
        }
    }
}
