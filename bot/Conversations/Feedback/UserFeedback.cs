namespace SummitBot.Conversations.Feedback;

/// <summary>A user's rating of one of the bot's answers (Teams' thumbs up/down).</summary>
/// <param name="RatedMessageId">The id the channel gave the rated answer (the invoke's replyToId).</param>
/// <param name="Reaction">`like` or `dislike`, as the channel sent it.</param>
/// <param name="Text">What the user wrote in the feedback form, if anything.</param>
public sealed record UserFeedback(
    ConversationKey Conversation,
    string? RatedMessageId,
    string Reaction,
    string? Text,
    string? UserId,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The rated answer, when the bot recorded it as sent (listing fills it in; it is not stored with the feedback).</summary>
    public SentAnswer? Answer { get; init; }
}
