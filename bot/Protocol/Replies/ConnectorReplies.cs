using Polly;
using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Connector;

namespace SummitBot.Protocol.Replies;

/// <summary>A turn's replies posted to the channel's Connector one by one, as the turn produces them.</summary>
public sealed class ConnectorReplies(ConnectorClient connector, Uri serviceUrl, Activity inbound, ArticleLinks links, ILogger logger) : ITurnReplies
{
    public async Task SendAsync(BotReply reply, CancellationToken cancellationToken)
    {
        var activity = ReplyActivities.Create(reply, inbound, links);
        try
        {
            await connector.SendAsync(serviceUrl, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (reply is TypingReply && ex is HttpRequestException or ExecutionRejectedException)
        {
            // A lost typing indicator is cosmetic; the answer may still get through.
            logger.LogWarning(ex, "Could not send the typing indicator to {ServiceUrl}", serviceUrl);
        }
    }
}
