using SummitBot.Conversations;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Replies;

namespace SummitBot.Protocol.Turns;

/// <summary>An activity accepted with 200 and answered later through the Connector.</summary>
/// <param name="DeliveryDeadline">Its replies are given up after this: acceptance plus BotProtocol:Connector:DeliveryDeadline.</param>
public sealed record QueuedTurn(Activity Activity, Uri ServiceUrl, ArticleLinks Links, DateTimeOffset DeliveryDeadline)
{
    public ConversationKey Conversation => ActivityMapping.ConversationOf(Activity);
}
