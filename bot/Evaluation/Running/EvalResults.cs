using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;

namespace SummitBot.Evaluation.Running;

/// <summary>One question asked, its reply and its verdict.</summary>
/// <param name="Reply">Null when asking failed (<paramref name="Error"/> says why).</param>
/// <param name="Failures">The expectations the reply did not meet.</param>
public sealed record TurnResult(EvalTurn Turn, BotReply? Reply, TimeSpan Latency, IReadOnlyList<string> Failures, string? Error)
{
    public bool Passed => Error is null && Failures.Count == 0;
}

/// <summary>One case run. After an error the conversation is broken, so its later turns are not asked.</summary>
public sealed record CaseResult(EvalCase Case, IReadOnlyList<TurnResult> Turns)
{
    public bool Passed => Turns.Count == Case.Turns.Count && Turns.All(t => t.Passed);

    public string? Error => Turns.Select(t => t.Error).FirstOrDefault(e => e is not null);

    public TimeSpan Duration => TimeSpan.FromTicks(Turns.Sum(t => t.Latency.Ticks));
}

/// <summary>Everything a report needs: the cases in the order the files list them, and when the run happened.</summary>
public sealed record EvalRun(IReadOnlyList<CaseResult> Cases, DateTimeOffset Started, TimeSpan Elapsed)
{
    /// <summary>The cases listed by <c>--known-failures</c>: when they fail, reports show them as expected failures.</summary>
    public KnownFailures? Known { get; init; }

    public bool IsKnownFailure(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return !result.Passed && Known?.Ids.Contains(result.Case.Id) == true;
    }
}
