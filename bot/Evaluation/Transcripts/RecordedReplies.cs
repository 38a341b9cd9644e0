using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;

namespace SummitBot.Evaluation.Transcripts;

/// <summary>
/// A transcript's expectation: the bot says again what it said when the conversation was recorded. Recorded and
/// live messages are read and compared the same way, whichever channel either came from: the answer text without
/// the source list or link definitions the channel appended, without [n] markers, whitespace collapsed; and, where
/// the recording has them, the suggested actions' titles and the attachments' content types, in order.
/// </summary>
/// <param name="Messages">The recorded reply messages to one user message, in order.</param>
public sealed record RecordedReplies(IReadOnlyList<ReplyMessage> Messages) : ITurnCheck
{
    public IReadOnlyList<string> ExpectedPhrases => [];

    public bool? ExpectsRefusal => null;

    public IReadOnlyList<string> Verify(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (Messages.Count != reply.Messages.Count)
        {
            return [$"replies: expected {Messages.Count} message(s), got {reply.Messages.Count}"];
        }

        var failures = new List<string>();
        foreach (var (expected, actual, n) in Messages.Zip(reply.Messages).Select((pair, i) => (pair.First, pair.Second, i + 1)))
        {
            var text = Comparable(expected.Text);
            if (!string.Equals(text, Comparable(actual.Text), StringComparison.Ordinal))
            {
                failures.Add($"reply {n}: expected \"{text}\"");
            }

            if (expected.SuggestedActions.Count > 0 && !expected.SuggestedActions.SequenceEqual(actual.SuggestedActions, StringComparer.Ordinal))
            {
                failures.Add($"reply {n}: expected suggested actions [{string.Join(" | ", expected.SuggestedActions)}], got [{string.Join(" | ", actual.SuggestedActions)}]");
            }

            if (expected.Attachments.Count > 0 && !expected.Attachments.SequenceEqual(actual.Attachments, StringComparer.Ordinal))
            {
                failures.Add($"reply {n}: expected attachments [{string.Join(", ", expected.Attachments)}], got [{string.Join(", ", actual.Attachments)}]");
            }
        }

        return failures;
    }

    private static string Comparable(string text) => TextMatch.CollapseWhitespace(TextMatch.WithoutMarkers(ReplyActivities.AnswerText(text)));
}
