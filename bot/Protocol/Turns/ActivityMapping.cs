using SummitBot.Conversations;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Turns;

/// <summary>Reads the turn handler's channel-neutral records off an activity.</summary>
public static class ActivityMapping
{
    /// <remarks>Call only on activities that passed <see cref="Inbound.ActivityValidation"/>, which requires both ids.</remarks>
    public static ConversationKey ConversationOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationKey(activity.ChannelId!, activity.Conversation!.Id!);
    }

    public static IncomingMessage ToMessage(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var mentions = (activity.Entities ?? [])
            .OfType<MentionEntity>()
            .Select(m => new Mention(m.Mentioned?.Id, m.Mentioned?.Name, m.Text))
            .ToList();
        return new IncomingMessage(ConversationOf(activity), activity.Text ?? string.Empty, activity.Recipient?.Id, mentions, IsGroup(activity.Conversation));
    }

    public static IReadOnlyList<Member> MembersAdded(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return [.. (activity.MembersAdded ?? []).Where(m => !string.IsNullOrEmpty(m?.Id)).Select(m => new Member(m.Id!, m.Name))];
    }

    /// <summary>Teams marks group chats and team channels by conversationType; other channels may set isGroup.</summary>
    private static bool IsGroup(ConversationAccount? conversation) =>
        conversation?.IsGroup == true
        || string.Equals(conversation?.ConversationType, "groupChat", StringComparison.OrdinalIgnoreCase)
        || string.Equals(conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase);
}
