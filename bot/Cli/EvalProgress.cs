using System.Globalization;
using Spectre.Console;
using SummitBot.Evaluation.Running;
using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;

namespace SummitBot.Cli;

/// <summary>Shows a run as it goes: a progress bar on a terminal, one plain line per case anywhere else.</summary>
internal static class EvalProgress
{
    public static async Task<EvalRun> RunAsync(IReadOnlyList<EvalCase> cases, IEvalTarget target, int parallel, CommandOutput output, CancellationToken cancellationToken)
    {
        if (output.ShowProgressBar)
        {
            return await output.Out.Progress().AutoClear(true).StartAsync(async context =>
            {
                var bar = context.AddTask("Asking", maxValue: cases.Count);
                return await EvalRunner.RunAsync(cases, target, parallel, _ => bar.Increment(1), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        var done = 0;
        var gate = new Lock();
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Running {cases.Count} case(s)…"));
        return await EvalRunner.RunAsync(cases, target, parallel, result =>
        {
            lock (gate)
            {
                done++;
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{done}/{cases.Count}] {(result.Passed ? "pass" : "FAIL")} {result.Case.Suite}: {result.Case.Id}"));
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
