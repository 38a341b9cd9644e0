using System.Diagnostics;
using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;

namespace SummitBot.Evaluation.Running;

/// <summary>Runs cases against a target, several at once when asked; each case is one conversation.</summary>
public static class EvalRunner
{
    /// <param name="onCaseDone">Called as each case finishes, possibly from several threads at once.</param>
    /// <exception cref="EndpointUnavailableException">The bot could not be asked at all; the run stops.</exception>
    public static async Task<EvalRun> RunAsync(
        IReadOnlyList<EvalCase> cases, IEvalTarget target, int parallelism, Action<CaseResult>? onCaseDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var results = new CaseResult[cases.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), options, async (i, token) =>
        {
            results[i] = await RunCaseAsync(cases[i], target, token).ConfigureAwait(false);
            onCaseDone?.Invoke(results[i]);
        }).ConfigureAwait(false);
        return new EvalRun(results, started, clock.Elapsed);
    }

    private static async Task<CaseResult> RunCaseAsync(EvalCase evalCase, IEvalTarget target, CancellationToken cancellationToken)
    {
        var conversation = target.StartConversation();
        var turns = new List<TurnResult>();
        foreach (var turn in evalCase.Turns)
        {
            var start = Stopwatch.GetTimestamp();
            BotReply reply;
            try
            {
                reply = await conversation.AskAsync(turn.Ask, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not EndpointUnavailableException && !cancellationToken.IsCancellationRequested)
            {
                // One bad answer (a crash in the answer step, an HTTP 500) fails its case, not the whole run.
                turns.Add(new TurnResult(turn, null, Stopwatch.GetElapsedTime(start), [], $"{ex.GetType().Name}: {ex.Message}"));
                break;
            }

            turns.Add(new TurnResult(turn, reply, reply.Latency ?? Stopwatch.GetElapsedTime(start), turn.Check.Verify(reply), null));
        }

        return new CaseResult(evalCase, turns);
    }
}
