using SummitBot.Answering;

namespace SummitBot.Conversations.State;

/// <summary>How remembered conversations are measured against their limits (Conversations:MaxHistoryCharacters, MaxStoreBytes).</summary>
public static class ConversationBudget
{
    /// <summary>
    /// What a conversation costs beyond its strings: an estimate, erring high, so the budget is not overrun by many
    /// small conversations.
    /// </summary>
    public const int ConversationOverheadBytes = 256;

    /// <summary>What a remembered turn costs beyond its two strings.</summary>
    public const int TurnOverheadBytes = 128;

    /// <summary>UTF-16 strings: two bytes a character.</summary>
    public static long EstimateBytes(ConversationKey conversation, IEnumerable<ConversationTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(turns);
        return ConversationOverheadBytes
            + (2L * (conversation.ChannelId.Length + conversation.ConversationId.Length))
            + turns.Sum(t => TurnOverheadBytes + (2L * (t.Question.Length + t.Answer.Length)));
    }

    /// <summary>A single turn larger than the whole budget keeps its question and as much of its answer as fits.</summary>
    public static ConversationTurn Fit(ConversationTurn turn, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Question.Length + turn.Answer.Length <= maxCharacters)
        {
            return turn;
        }

        var question = TextShortener.Shorten(turn.Question, maxCharacters);
        var answer = TextShortener.Shorten(turn.Answer, maxCharacters - question.Length);
        return new ConversationTurn(question, answer);
    }

    /// <returns>How many of the newest turns (given oldest first) fit in <paramref name="maxTurns"/> and <paramref name="maxCharacters"/>.</returns>
    public static int NewestThatFit(IReadOnlyList<ConversationTurn> turns, int maxTurns, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var kept = 0;
        var characters = 0;
        for (var i = turns.Count - 1; i >= 0 && kept < maxTurns; i--)
        {
            characters += turns[i].Question.Length + turns[i].Answer.Length;
            if (characters > maxCharacters)
            {
                break;
            }

            kept++;
        }

        return kept;
    }
}
