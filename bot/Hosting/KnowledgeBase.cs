using Microsoft.Extensions.Options;
using SummitBot.Retrieval;
using SummitBot.Retrieval.Articles;

namespace SummitBot.Hosting;

/// <summary>
/// Opens the search engine (corpus, index, retriever) once, on first use or at web start-up, and hands
/// the same one to every caller. Opening may build the index, so callers wait on one shared task.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private readonly Lazy<Task<SearchEngine>> engine;

    public KnowledgeBase(IOptions<RetrievalOptions> options, IHostEnvironment environment, ILogger<KnowledgeBase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        engine = new(() => OpenAsync(options.Value, environment.ContentRootPath, logger));
    }

    public Task<SearchEngine> GetAsync(CancellationToken cancellationToken) => engine.Value.WaitAsync(cancellationToken);

    /// <summary>Closes the index if it was opened; an open still under way is left to finish and be collected.</summary>
    public void Dispose()
    {
        if (engine.IsValueCreated && engine.Value.IsCompletedSuccessfully)
        {
            engine.Value.Result.Dispose();
        }
    }

    public async Task<Corpus> GetCorpusAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken).ConfigureAwait(false)).Corpus;

    private static async Task<SearchEngine> OpenAsync(RetrievalOptions options, string root, ILogger logger)
    {
        // Not the caller's token: the engine is shared, and one cancelled request must not fail it for all.
        var opened = await SearchEngine.OpenAsync(root, options, CancellationToken.None).ConfigureAwait(false);
        var state = opened.Index.WasRebuilt ? "built" : "up to date";
        logger.LogInformation("Loaded {Count} articles; index {Path} {State}.", opened.Corpus.Articles.Count, opened.Index.Path, state);
        if (!opened.HasLexicon)
        {
            logger.LogWarning(
                "WordNet was not found at {Path}: questions will match only the articles' own words and aliases. Build the project with npm on the PATH to fetch it.",
                options.WordNetPath);
        }

        return opened;
    }
}

/// <summary>Opens the knowledge base while the web host starts, so the first question does not wait for the index.</summary>
internal sealed class KnowledgeBaseWarmup(KnowledgeBase knowledge) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => knowledge.GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
