using BenchmarkDotNet.Attributes;
using SummitBot.Hosting;
using SummitBot.Retrieval;
using SummitBot.Retrieval.Lexicon;

namespace SummitBot.Benchmarks;

/// <summary>
/// What start-up costs beyond the index: reading WordNet (once per process) and opening the engine over the
/// shipped corpus, which builds the thesaurus from the articles' words. The index is built before measuring.
/// Run: dotnet run -c Release --project benchmarks -- --filter '*Startup*'.
/// </summary>
[MemoryDiagnoser]
public class StartupBenchmarks
{
    private readonly string root = RepositoryRoot.Locate();
    private readonly RetrievalOptions options = new() { IndexPath = Path.Combine(Path.GetTempPath(), "summitbot-bench-index") };

    [GlobalSetup]
    public void BuildIndex() => OpenEngine().GetAwaiter().GetResult();

    [Benchmark]
    public WordNet ReadWordNet() => WordNet.Read(Path.Combine(root, options.WordNetPath!));

    [Benchmark]
    public Task<SearchEngine> OpenEngine() => SearchEngine.OpenAsync(root, options, CancellationToken.None);
}
