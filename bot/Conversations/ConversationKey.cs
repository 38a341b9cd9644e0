namespace SummitBot.Conversations;

/// <summary>Names one conversation across channels: conversation ids are unique only within their channel.</summary>
public sealed record ConversationKey(string ChannelId, string ConversationId)
{
    public override string ToString() => $"{ChannelId}/{ConversationId}";
}
