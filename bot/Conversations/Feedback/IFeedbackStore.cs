namespace SummitBot.Conversations.Feedback;

/// <summary>Keeps users' feedback on answers; channels like Teams do not store it for the bot.</summary>
public interface IFeedbackStore
{
    Task AddAsync(UserFeedback feedback, CancellationToken cancellationToken);

    /// <summary>Remembers an answer the bot sent under the channel's id for it, so that feedback on it can be read with it.</summary>
    Task RecordAnswerAsync(SentAnswer answer, CancellationToken cancellationToken);

    /// <returns>The kept feedback, oldest first, each with the answer it rates when that was recorded.</returns>
    Task<IReadOnlyList<UserFeedback>> ListAsync(CancellationToken cancellationToken);
}
