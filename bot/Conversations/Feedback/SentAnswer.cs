namespace SummitBot.Conversations.Feedback;

/// <summary>An answer the bot sent, by the id the channel gave it, so feedback on that id can say what was rated.</summary>
/// <param name="Citations">Each cited article as "[n] Title (articleId)".</param>
public sealed record SentAnswer(ConversationKey Conversation, string MessageId, string Question, string Answer, IReadOnlyList<string> Citations, DateTimeOffset SentAt);
