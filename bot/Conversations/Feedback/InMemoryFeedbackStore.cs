using Microsoft.Extensions.Options;

namespace SummitBot.Conversations.Feedback;

/// <summary>The default feedback store: process memory, keeping only the newest entries.</summary>
public sealed class InMemoryFeedbackStore(IOptions<ConversationOptions> options) : IFeedbackStore
{
    private readonly int capacity = options.Value.MaxFeedbackEntries;
    private readonly Lock gate = new();
    private readonly Queue<UserFeedback> entries = new();

    public Task AddAsync(UserFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        lock (gate)
        {
            entries.Enqueue(feedback);
            while (entries.Count > capacity)
            {
                entries.Dequeue();
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UserFeedback>> ListAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<UserFeedback>>([.. entries]);
        }
    }
}
