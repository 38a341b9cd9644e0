namespace SummitBot.Answering;

/// <summary>
/// The one answer path: the command line, /api/ask, /api/messages and eval all call it,
/// so what evaluators measure is what users get.
/// </summary>
public interface IAnswerStep
{
    /// <param name="history">Earlier turns of the same conversation, oldest first; empty for a first question.</param>
    Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken);
}
