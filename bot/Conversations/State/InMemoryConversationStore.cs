using Microsoft.Extensions.Options;
using SummitBot.Answering;

namespace SummitBot.Conversations.State;

/// <summary>
/// The default store: process memory, bounded in turns, characters and age per conversation, and in the number
/// and estimated bytes of conversations, so no user can make it grow without limit, not even with enormous ids.
/// State is lost on restart, which only costs follow-up context.
/// </summary>
public sealed class InMemoryConversationStore(IOptions<ConversationOptions> options, TimeProvider time) : IConversationStore
{
    /// <summary>
    /// What a conversation costs beyond its strings: the dictionary entry, the key, the state, the turn list.
    /// An estimate, erring high, so the budget is not overrun by many small conversations.
    /// </summary>
    public const int ConversationOverheadBytes = 256;

    /// <summary>What a remembered turn costs beyond its two strings: the turn, its record and the list slot.</summary>
    public const int TurnOverheadBytes = 128;

    private readonly ConversationOptions limits = options.Value;
    private readonly Lock gate = new();
    private readonly Dictionary<ConversationKey, Conversation> conversations = [];
    private long storeBytes;

    /// <summary>The estimated size of everything remembered, in bytes (what <see cref="ConversationOptions.MaxStoreBytes"/> bounds).</summary>
    public long EstimatedBytes
    {
        get
        {
            lock (gate)
            {
                return storeBytes;
            }
        }
    }

    public Task<IReadOnlyList<ConversationTurn>> GetHistoryAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!conversations.TryGetValue(conversation, out var state))
            {
                return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
            }

            ForgetOld(state);
            Recount(conversation, state);
            if (state.Turns.Count == 0)
            {
                Forget(conversation);
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

            Recount(conversation, state);
            // The conversation just appended to is the most recently active, so it goes last: only when it alone
            // is over the whole budget.
            while (conversations.Count > limits.MaxConversations || (storeBytes > limits.MaxStoreBytes && conversations.Count > 0))
            {
                Forget(conversations.MinBy(c => c.Value.LastActive).Key);
            }
        }

        return Task.CompletedTask;
    }

    public Task ClearAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Forget(conversation);
        }

        return Task.CompletedTask;
    }

    /// <summary>UTF-16 strings: two bytes a character.</summary>
    public static long EstimateBytes(ConversationKey conversation, IEnumerable<ConversationTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(turns);
        return ConversationOverheadBytes
            + (2L * (conversation.ChannelId.Length + conversation.ConversationId.Length))
            + turns.Sum(t => TurnOverheadBytes + (2L * (t.Question.Length + t.Answer.Length)));
    }

    private void Recount(ConversationKey conversation, Conversation state)
    {
        var bytes = EstimateBytes(conversation, state.Turns.Select(t => t.Turn));
        storeBytes += bytes - state.Bytes;
        state.Bytes = bytes;
    }

    private void Forget(ConversationKey conversation)
    {
        if (conversations.Remove(conversation, out var state))
        {
            storeBytes -= state.Bytes;
        }
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

        /// <summary>This conversation's share of the store's estimated bytes, as last counted.</summary>
        public long Bytes { get; set; }
    }

    private sealed record Remembered(ConversationTurn Turn, DateTimeOffset At);
}
