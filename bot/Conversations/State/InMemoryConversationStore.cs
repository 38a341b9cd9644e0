using Microsoft.Extensions.Options;
using SummitBot.Answering;

namespace SummitBot.Conversations.State;

/// <summary>
/// The default store: process memory, bounded in turns, characters and age per conversation and in the number
/// of conversations, so no user can make it grow without limit. State is lost on restart, which only costs
/// follow-up context.
/// </summary>
public sealed class InMemoryConversationStore(IOptions<ConversationOptions> options, TimeProvider time) : IConversationStore
{
    private readonly ConversationOptions limits = options.Value;
    private readonly Lock gate = new();
    private readonly Dictionary<ConversationKey, Conversation> conversations = [];

    public Task<IReadOnlyList<ConversationTurn>> GetHistoryAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!conversations.TryGetValue(conversation, out var state))
            {
                return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
            }

            ForgetOld(state);
            if (state.Turns.Count == 0)
            {
                conversations.Remove(conversation);
            }

            return Task.FromResult<IReadOnlyList<ConversationTurn>>([.. state.Turns.Select(t => t.Turn)]);
        }
    }

    public Task AppendAsync(ConversationKey conversation, ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (limits.MaxTurns == 0)
        {
            return Task.CompletedTask;
        }

        lock (gate)
        {
            if (!conversations.TryGetValue(conversation, out var state))
            {
                state = new Conversation();
                conversations[conversation] = state;
            }

            var now = time.GetUtcNow();
            state.LastActive = now;
            state.Turns.Add(new Remembered(Fit(turn, limits.MaxHistoryCharacters), now));
            ForgetOld(state);
            while (state.Turns.Count > limits.MaxTurns || Characters(state) > limits.MaxHistoryCharacters)
            {
                state.Turns.RemoveAt(0);
            }

            if (conversations.Count > limits.MaxConversations)
            {
                var idlest = conversations.MinBy(c => c.Value.LastActive).Key;
                conversations.Remove(idlest);
            }
        }

        return Task.CompletedTask;
    }

    public Task ClearAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            conversations.Remove(conversation);
        }

        return Task.CompletedTask;
    }

    private void ForgetOld(Conversation state)
    {
        var oldest = time.GetUtcNow() - limits.MaxTurnAge;
        state.Turns.RemoveAll(t => t.At < oldest);
    }

    private static int Characters(Conversation state) =>
        state.Turns.Sum(t => t.Turn.Question.Length + t.Turn.Answer.Length);

    /// <summary>A single turn larger than the whole budget keeps its question and as much of its answer as fits.</summary>
    private static ConversationTurn Fit(ConversationTurn turn, int maxCharacters)
    {
        if (turn.Question.Length + turn.Answer.Length <= maxCharacters)
        {
            return turn;
        }

        var question = TextShortener.Shorten(turn.Question, maxCharacters);
        var answer = TextShortener.Shorten(turn.Answer, maxCharacters - question.Length);
        return new ConversationTurn(question, answer);
    }

    private sealed class Conversation
    {
        public List<Remembered> Turns { get; } = [];

        public DateTimeOffset LastActive { get; set; }
    }

    private sealed record Remembered(ConversationTurn Turn, DateTimeOffset At);
}
