using System.Text.RegularExpressions;
using SummitBot.Retrieval.Text;

namespace SummitBot.Answering;

/// <summary>
/// Recognises a question that leans on the conversation ("When did he take office?", "And Japan?") and finds
/// what it leans on: the concepts of the questions just before it.
/// </summary>
internal static partial class FollowUp
{
    /// <param name="asked">The concepts of the question itself.</param>
    /// <returns>The concepts of earlier questions the question needs, none when it stands on its own.</returns>
    public static IReadOnlyList<Concept> Context(
        string question, IReadOnlyList<Concept> asked, IReadOnlyList<ConversationTurn> history, int turns, ConceptAnalyzer analyzer)
    {
        if (history.Count == 0 || turns == 0 || !LeansOnConversation(question, asked))
        {
            return [];
        }

        var askedKeys = asked.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return history.TakeLast(turns).Reverse()
            .SelectMany(turn => analyzer.Analyze(turn.Question))
            .Where(c => !askedKeys.Contains(c.Key))
            .DistinctBy(c => c.Key)
            .ToList();
    }

    private static bool LeansOnConversation(string question, IReadOnlyList<Concept> asked) =>
        asked.Count <= 1 || Pronoun().IsMatch(question) || Ellipsis().IsMatch(question);

    [GeneratedRegex(@"\b(he|him|his|she|her|hers|they|them|their|it|its|there|that|this|those|these|the two|both|the leaders?|the meeting|the summit|the visit|the trip)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^\s*(and|also|what about|how about|so|then)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ellipsis();
}
