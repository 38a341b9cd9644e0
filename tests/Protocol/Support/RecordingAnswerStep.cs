using System.Collections.Concurrent;
using SummitBot.Answering;

namespace SummitBot.Tests.Protocol.Support;

/// <summary>
/// Stands in for the real answer step: records each question with the history it was given and answers
/// "You asked: {question} [1]" citing one article (with no original URL, so links fall back to the bot's page).
/// </summary>
public sealed class RecordingAnswerStep : IAnswerStep
{
    public static readonly Citation ReutersCitation = new(
        1,
        "reuters-ishiba-lee-affirm-cooperation",
        "Japan's Ishiba, South Korea's Lee affirm cooperation before Lee meets Trump",
        "Reuters",
        "2025-08-23",
        "Japanese Prime Minister Shigeru Ishiba and South Korean President Lee Jae Myung affirmed on Saturday that they would strengthen cooperation.",
        null);

    private readonly ConcurrentQueue<(string Question, IReadOnlyList<ConversationTurn> History)> calls = new();

    /// <summary>Replaces the answer; may throw to act as a failing step.</summary>
    public Func<string, Answer> Respond { get; init; } = question => new Answer($"You asked: {question} [1]", true, [ReutersCitation]);

    /// <summary>When set, every answer waits for it, ignoring cancellation as a badly behaved step would.</summary>
    public TaskCompletionSource? Gate { get; init; }

    public IReadOnlyList<(string Question, IReadOnlyList<ConversationTurn> History)> Calls => [.. calls];

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        calls.Enqueue((question, history));
        if (Gate is not null)
        {
            await Gate.Task;
        }

        return Respond(question);
    }
}
