using System.Runtime.CompilerServices;
using SummitBot.Answering;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Support;

/// <summary>Stands in for a chat model: writes "They met", " in Tokyo", " [1]." as drafts, then the checked answer.</summary>
internal sealed class DraftingAnswerStep : IAnswerStep
{
    public static readonly Answer Final = new("They met in Tokyo [1].", true, [RecordingAnswerStep.ReutersCitation]);

    public Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken) => Task.FromResult(Final);

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(string question, IReadOnlyList<ConversationTurn> history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var piece in new[] { "They met", " in Tokyo", " [1]." })
        {
            await Task.Delay(20, cancellationToken);
            yield return new AnswerUpdate(piece);
        }

        yield return new AnswerUpdate("", Final);
    }
}
