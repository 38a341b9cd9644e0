using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;

namespace SummitBot.Evaluation.Transcripts;

/// <summary>A transcript's expectation: the bot says again what it said when the conversation was recorded.</summary>
/// <param name="Texts">The recorded reply messages to one user message, in order.</param>
public sealed record RecordedReplies(IReadOnlyList<string> Texts) : ITurnCheck
{
    public IReadOnlyList<string> ExpectedPhrases => [];

    public bool? ExpectsRefusal => null;

    public IReadOnlyList<string> Verify(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var expected = Texts.Select(TextMatch.CollapseWhitespace).ToList();
        var actual = reply.Texts.Select(TextMatch.CollapseWhitespace).ToList();
        if (expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            return [];
        }

        if (expected.Count != actual.Count)
        {
            return [$"replies: expected {expected.Count} message(s), got {actual.Count}"];
        }

        return [.. expected.Zip(actual)
            .Select((pair, i) => (pair.First, pair.Second, i))
            .Where(t => !string.Equals(t.First, t.Second, StringComparison.Ordinal))
            .Select(t => $"reply {t.i + 1}: expected \"{t.First}\"")];
    }
}
