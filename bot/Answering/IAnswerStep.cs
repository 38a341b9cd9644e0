using System.Runtime.CompilerServices;

namespace SummitBot.Answering;

/// <summary>
/// The one answer path: the command line, /api/ask, /api/messages and eval all call it,
/// so what evaluators measure is what users get.
/// </summary>
public interface IAnswerStep
{
    /// <param name="history">Earlier turns of the same conversation, oldest first; empty for a first question.</param>
    Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken);

    /// <summary>
    /// The answer as it is written: drafts of text as a model produces them, then the final answer, which
    /// replaces them (it is what was checked). A step that writes no drafts gives the final answer alone.
    /// </summary>
    async IAsyncEnumerable<AnswerUpdate> StreamAsync(
        string question, IReadOnlyList<ConversationTurn> history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new AnswerUpdate("", await AnswerAsync(question, history, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>One step of a streamed answer: more draft text, or (when <see cref="Final"/> is set) the answer itself.</summary>
/// <param name="Draft">Text to add to what has been shown so far; unchecked, so shown as a draft only.</param>
public sealed record AnswerUpdate(string Draft, Answer? Final = null);
