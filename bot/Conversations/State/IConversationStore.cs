using SummitBot.Answering;

namespace SummitBot.Conversations.State;

/// <summary>The last few turns of each conversation, so follow-up questions can be understood.</summary>
public interface IConversationStore
{
    /// <returns>The remembered turns, oldest first; empty for an unknown conversation.</returns>
    Task<IReadOnlyList<ConversationTurn>> GetHistoryAsync(ConversationKey conversation, CancellationToken cancellationToken);

    Task AppendAsync(ConversationKey conversation, ConversationTurn turn, CancellationToken cancellationToken);

    /// <summary>Forgets the conversation (reset command, end of conversation).</summary>
    Task ClearAsync(ConversationKey conversation, CancellationToken cancellationToken);
}
