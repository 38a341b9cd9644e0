using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Connector;

namespace SummitBot.Protocol.Inbound;

/// <summary>What an activity must carry before the bot acts on it.</summary>
public static class ActivityValidation
{
    /// <summary>Types that reach the turn handler; all others are acknowledged and ignored.</summary>
    public static bool IsHandled(string? type) =>
        type is ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.EndOfConversation or ActivityTypes.Invoke;

    /// <returns>Why the activity cannot be handled, or null when it can.</returns>
    public static string? Problem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!IsHandled(activity.Type))
        {
            return null;
        }

        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return "The activity has no channelId.";
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return "The activity has no conversation.id.";
        }

        var needsConnector = activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate
            && activity.DeliveryMode != DeliveryModes.ExpectReplies;
        if (needsConnector && ConnectorUrls.ParseServiceUrl(activity.ServiceUrl) is null)
        {
            return "The activity's serviceUrl is not an absolute http(s) address, so there is nowhere to reply.";
        }

        return null;
    }
}
