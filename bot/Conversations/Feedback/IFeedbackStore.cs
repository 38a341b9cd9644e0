namespace SummitBot.Conversations.Feedback;

/// <summary>Keeps users' feedback on answers; channels like Teams do not store it for the bot.</summary>
public interface IFeedbackStore
{
    Task AddAsync(UserFeedback feedback, CancellationToken cancellationToken);

    /// <returns>The kept feedback, oldest first.</returns>
    Task<IReadOnlyList<UserFeedback>> ListAsync(CancellationToken cancellationToken);
}
