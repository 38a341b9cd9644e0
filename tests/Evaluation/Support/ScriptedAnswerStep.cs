using System.Collections.Concurrent;
using SummitBot.Answering;

namespace SummitBot.Tests.Evaluation.Support;

/// <summary>A stand-in answer step whose replies each test decides, recording what it was asked.</summary>
internal sealed class ScriptedAnswerStep(Func<string, IReadOnlyList<ConversationTurn>, Answer> answer) : IAnswerStep
{
    public ConcurrentQueue<(string Question, IReadOnlyList<ConversationTurn> History)> Asked { get; } = new();

    public Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        Asked.Enqueue((question, history));
        return Task.FromResult(answer(question, history));
    }

    /// <summary>A grounded answer citing the given articles, numbered from 1.</summary>
    public static Answer Cited(string text, params string[] articleIds) => new(
        text,
        Grounded: true,
        [.. articleIds.Select((id, i) => new Citation(i + 1, id, $"Title of {id}", Outlet: null, Published: null, Excerpt: "…", Url: null))]);
}
