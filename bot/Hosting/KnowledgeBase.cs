using Microsoft.Extensions.Options;
using SummitBot.Retrieval;
using SummitBot.Retrieval.Articles;

namespace SummitBot.Hosting;

/// <summary>
/// Opens the search engine (corpus, index, retriever) once, on first use or at web start-up, and hands the
/// same one to every caller; opening may build the index, so callers wait on one shared task. While the web
/// host runs it watches the articles folder: a change opens a new engine (rebuilding the index beside the
/// one in use) and swaps it in whole, and the old one closes once the searches under way are done. A change
/// that cannot be loaded is logged and the engine in use stays.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    /// <summary>How long an engine replaced by a reload stays open for the turns that already hold it.</summary>
    private static readonly TimeSpan DrainDelay = TimeSpan.FromSeconds(30);

    private readonly RetrievalOptions options;
    private readonly string root;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim reloading = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task<SearchEngine>? engine;
    private FileSystemWatcher? watcher;
    private Timer? debounce;

    public KnowledgeBase(IOptions<RetrievalOptions> options, IHostEnvironment environment, ILogger<KnowledgeBase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        this.options = options.Value;
        root = environment.ContentRootPath;
        this.logger = logger;
    }

    /// <summary>Raised after a reload has swapped a new engine in (tests and logs wait on it).</summary>
    public event EventHandler<SearchEngine>? Reloaded;

    /// <summary>The engine in use, or null while it is being opened or after it failed to open.</summary>
    public SearchEngine? Opened
    {
        get
        {
            lock (gate)
            {
                return engine is { IsCompletedSuccessfully: true } open ? open.Result : null;
            }
        }
    }

    /// <summary>Why the last try to open the engine failed; null once one succeeded.</summary>
    public string? Problem { get; private set; }

    public Task<SearchEngine> GetAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // A failed open is tried again by the next caller: the fault may have been fixed (a folder made writable).
            if (engine is { IsFaulted: true })
            {
                engine = null;
            }

            // Not the caller's token: the engine is shared, and one cancelled request must not fail it for all.
            engine ??= OpenAsync(CancellationToken.None);
            return engine.WaitAsync(cancellationToken);
        }
    }

    public async Task<Corpus> GetCorpusAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken).ConfigureAwait(false)).Corpus;

    /// <summary>Reloads whenever the articles folder changes, once it has been quiet for <see cref="RetrievalOptions.ReloadDelay"/>.</summary>
    public void WatchArticles()
    {
        var folder = Path.Combine(root, options.ArticlesPath);
        lock (gate)
        {
            if (watcher is not null || !options.WatchArticles || !Directory.Exists(folder))
            {
                return;
            }

            debounce = new Timer(_ => _ = ReloadAsync(), null, Timeout.Infinite, Timeout.Infinite);
            watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += OnArticlesChanged;
            watcher.Created += OnArticlesChanged;
            watcher.Deleted += OnArticlesChanged;
            watcher.Renamed += OnArticlesChanged;
            watcher.EnableRaisingEvents = true;
        }

        logger.LogInformation("Watching {Folder} for changes to the articles.", folder);
    }

    public void Dispose()
    {
        stopping.Cancel();
        lock (gate)
        {
            watcher?.Dispose();
            debounce?.Dispose();
            if (engine is { IsCompletedSuccessfully: true })
            {
                engine.Result.Dispose();
            }
        }

        stopping.Dispose();
        reloading.Dispose();
    }

    /// <summary>An editor saves in bursts (temporary file, rename, write): the reload waits for quiet.</summary>
    private void OnArticlesChanged(object sender, FileSystemEventArgs e) =>
        debounce?.Change(options.ReloadDelay, Timeout.InfiniteTimeSpan);

    private async Task ReloadAsync()
    {
        if (!await reloading.WaitAsync(0, CancellationToken.None).ConfigureAwait(false))
        {
            debounce?.Change(options.ReloadDelay, Timeout.InfiniteTimeSpan);   // one at a time; try again after this one
            return;
        }

        try
        {
            var opened = await OpenAsync(stopping.Token).ConfigureAwait(false);
            Task<SearchEngine>? replaced;
            lock (gate)
            {
                replaced = engine;
                engine = Task.FromResult(opened);
            }

            Reloaded?.Invoke(this, opened);
            if (replaced is { IsCompletedSuccessfully: true })
            {
                _ = Task.Delay(DrainDelay, CancellationToken.None).ContinueWith(_ => replaced.Result.Dispose(), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A background reload has no caller to fail: whatever went wrong is logged, and the engine in use stays.
            logger.LogError(e, "The changed articles could not be loaded; the bot keeps answering from the articles it had. {Reason}", e.Message);
        }
        finally
        {
            reloading.Release();
        }
    }

    private async Task<SearchEngine> OpenAsync(CancellationToken cancellationToken)
    {
        SearchEngine opened;
        try
        {
            opened = await SearchEngine.OpenAsync(root, options, cancellationToken).ConfigureAwait(false);
            Problem = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Problem = e.Message;
            throw;
        }

        var state = opened.Index.WasRebuilt ? "built" : "up to date";
        logger.LogInformation(
            "Loaded {Count} articles, {Passages} passages; index {Path} {State}.", opened.Corpus.Articles.Count, opened.Index.PassageCount, opened.Index.Folder, state);
        foreach (var skipped in opened.Corpus.Skipped)
        {
            logger.LogWarning("Skipped the article {File}: {Reason}", skipped.File, skipped.Reason);
        }

        if (!opened.HasLexicon)
        {
            logger.LogWarning(
                "WordNet was not found at {Path}: questions will match only the articles' own words and aliases. Build the project with npm on the PATH to fetch it.",
                options.WordNetPath);
        }

        return opened;
    }
}

/// <summary>
/// Opens the knowledge base while the web host starts, so the first question does not wait for the index, then
/// watches the articles. An index that cannot open does not stop the host: the bot stays up, unready (/readyz says
/// why), and the next question or a change to the articles tries again.
/// </summary>
internal sealed class KnowledgeBaseWarmup(KnowledgeBase knowledge, ILogger<KnowledgeBaseWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await knowledge.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogCritical(e, "The articles' index could not be opened: {Reason} The bot is not ready (/readyz) until it can; each question tries again.", e.Message);
        }

        knowledge.WatchArticles();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
