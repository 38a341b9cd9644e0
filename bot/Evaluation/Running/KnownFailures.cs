namespace SummitBot.Evaluation.Running;

/// <summary>
/// The cases a suite is known not to pass yet (one case id a line; blank lines and lines starting with # are
/// ignored), so that eval can gate a CI pipeline before every case passes: a run is judged on the failures
/// outside the list, and a listed case that passes again is reported so the list only shrinks.
/// </summary>
public sealed record KnownFailures(string Path, IReadOnlySet<string> Ids)
{
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<KnownFailures> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        return new KnownFailures(path, Parse(lines));
    }

    public static IReadOnlySet<string> Parse(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);

    public KnownFailuresVerdict Judge(EvalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var ran = run.Cases.Select(c => c.Case.Id).ToHashSet(StringComparer.Ordinal);
        return new KnownFailuresVerdict(
            Unexpected: [.. run.Cases.Where(c => !c.Passed && !Ids.Contains(c.Case.Id)).Select(c => c.Case.Id)],
            StillFailing: [.. run.Cases.Where(c => !c.Passed && Ids.Contains(c.Case.Id)).Select(c => c.Case.Id)],
            NowPassing: [.. run.Cases.Where(c => c.Passed && Ids.Contains(c.Case.Id)).Select(c => c.Case.Id)],
            NotRun: [.. Ids.Where(id => !ran.Contains(id)).Order(StringComparer.Ordinal)]);
    }
}

/// <param name="Unexpected">Failed and not listed: these fail the run.</param>
/// <param name="StillFailing">Listed and failing, as expected.</param>
/// <param name="NowPassing">Listed but passing: to be taken off the list.</param>
/// <param name="NotRun">Listed but in none of the suites run (another suite's, or a case since removed).</param>
public sealed record KnownFailuresVerdict(IReadOnlyList<string> Unexpected, IReadOnlyList<string> StillFailing, IReadOnlyList<string> NowPassing, IReadOnlyList<string> NotRun)
{
    public bool Passed => Unexpected.Count == 0;
}
