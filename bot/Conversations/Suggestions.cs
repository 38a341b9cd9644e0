namespace SummitBot.Conversations;

/// <summary>
/// Which of the configured questions (Conversations:SuggestedQuestions, each one the articles answer: a test asks
/// every one) to offer next: those the conversation has not asked yet, in their configured order.
/// </summary>
public static class Suggestions
{
    /// <summary>Questions offered at once: enough to choose from, few enough to read at a glance.</summary>
    public const int Shown = 3;

    public static IReadOnlyList<string> Next(IReadOnlyList<string> configured, IReadOnlyCollection<string> asked)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(asked);
        var already = asked.Select(Plain).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. configured.Where(q => !already.Contains(Plain(q))).Take(Shown)];
    }

    /// <summary>"Who is South Korea's president?" and "who is south korea's president" are one question.</summary>
    private static string Plain(string question) => question.Trim().TrimEnd('?', '.', '!').Trim();
}
