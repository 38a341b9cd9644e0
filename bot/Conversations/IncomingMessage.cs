namespace SummitBot.Conversations;

/// <summary>A user's message, as the turn handler needs it, whatever protocol brought it.</summary>
/// <param name="Text">The raw text, still holding any @mention markup.</param>
/// <param name="BotId">The bot's own account id on this channel, to find mentions of it.</param>
/// <param name="IsGroupConversation">A group chat or team channel, where the bot answers only when mentioned.</param>
public sealed record IncomingMessage(
    ConversationKey Conversation,
    string Text,
    string? BotId,
    IReadOnlyList<Mention> Mentions,
    bool IsGroupConversation);

/// <param name="Text">The markup of the mention in the message text, when the channel gave it.</param>
public sealed record Mention(string? Id, string? Name, string? Text);

/// <summary>Someone who joined a conversation.</summary>
public sealed record Member(string Id, string? Name);
