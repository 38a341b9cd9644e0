using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SummitBot.Hosting;
using SummitBot.Retrieval;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Benchmarks.Scale;

/// <summary>
/// How retrieval scales: the engine opened over <see cref="SyntheticCorpus"/> at a multiple of the shipped
/// corpus (after WordNet has been read), timing the first open (which builds the index) against a second
/// (which finds it up to date: the difference is the index build),
/// then every first question of the shipped suite searched three times, and the memory held. One multiple
/// per process, so the peak resident memory is that multiple's own. Run: benchmarks/scale.sh.
/// </summary>
internal static partial class ScaleBenchmark
{
    public static async Task<int> RunAsync(int copies)
    {
        var root = RepositoryRoot.Locate();
        var scratch = Directory.CreateTempSubdirectory("summitbot-scale-");
        try
        {
            SyntheticCorpus.Write(Path.Combine(root, "articles"), Path.Combine(scratch.FullName, "articles"), copies);
            var options = new RetrievalOptions
            {
                ArticlesPath = Path.Combine(scratch.FullName, "articles"),
                IndexPath = Path.Combine(scratch.FullName, "index"),
            };

            // WordNet is read once per process: read it first, over the shipped corpus, so the timings below
            // are the synthetic corpus's own.
            (await SearchEngine.OpenAsync(root, new RetrievalOptions { IndexPath = Path.Combine(scratch.FullName, "shipped") }, CancellationToken.None)).Dispose();

            var clock = Stopwatch.StartNew();
            // Closed at once, not kept in a local an async method would hold: the engine measured below is the
            // one a restart opens, alone in memory.
            (await SearchEngine.OpenAsync(root, options, CancellationToken.None)).Dispose();
            var firstOpen = clock.Elapsed;
            clock.Restart();
            using var engine = await SearchEngine.OpenAsync(root, options, CancellationToken.None);
            var reopen = clock.Elapsed;
            var passages = engine.Corpus.Articles.Sum(a => PassageSplitter.Split(a, options.Passages).Count);

            var questions = Questions(Path.Combine(root, "tests", "qa", "summit.qa.yaml"));
            foreach (var question in questions)
            {
                await engine.Retriever.SearchAsync(engine.Query(question), 8, CancellationToken.None);
            }

            var latencies = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                foreach (var question in questions)
                {
                    clock.Restart();
                    await engine.Retriever.SearchAsync(engine.Query(question), 8, CancellationToken.None);
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            latencies.Sort();
            var heap = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{copies}x: {engine.Corpus.Articles.Count} articles, {passages} passages | open with index build {firstOpen.TotalSeconds:F1} s, reopen {reopen.TotalSeconds:F1} s (build ~{(firstOpen - reopen).TotalSeconds:F1} s) | query p50 {Percentiles.Of(latencies, 0.5):F2} ms, p99 {Percentiles.Of(latencies, 0.99):F2} ms over {latencies.Count} | managed heap {heap:F0} MB, peak RSS {PeakResidentMegabytes():F0} MB, index {new DirectoryInfo(Path.Combine(engine.Index.Path, engine.Index.Generation)).EnumerateFiles().Sum(f => f.Length) / 1024.0 / 1024.0:F1} MB"));
            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>Every `ask:` of the shipped suite, first turns and follow-ups alike.</summary>
    private static List<string> Questions(string suite) =>
        [.. File.ReadLines(suite).Select(line => Ask().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value.Trim().Trim('"'))];

    /// <summary>VmHWM: the process's peak resident set, as Linux counts it.</summary>
    private static double PeakResidentMegabytes() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();

    [GeneratedRegex(@"^\s*-?\s*ask:\s*(.+)$")]
    private static partial Regex Ask();
}
