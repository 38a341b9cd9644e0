using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using SummitBot.Retrieval.Analysis;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SummitBot.Retrieval.Index;

/// <summary>
/// The passages of the corpus in a Lucene index, ranked by BM25, in a folder of its own. The index is
/// reused while the fingerprint in its commit matches the corpus and the analyzer; otherwise a new one is
/// built in a fresh sub-folder and a one-line pointer file is renamed over the old pointer, so a reader
/// never sees half an index and a crash mid-build leaves the last good one in place.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    /// <summary>The pointer file: the name of the generation folder in use.</summary>
    private const string PointerFile = "current";

    private const string GenerationPrefix = "generation-";
    private const string FingerprintKey = "fingerprint";
    private const string PassagesKey = "passages";

    /// <summary>
    /// A generation folder younger than this is left alone when old ones are cleared: another process may be
    /// building it right now.
    /// </summary>
    private static readonly TimeSpan BuildGrace = TimeSpan.FromMinutes(5);

    /// <summary>BM25 with Lucene's usual constants, named so that a change of default elsewhere cannot change ranking here.</summary>
    public static Similarity Similarity { get; } = new BM25Similarity(k1: 1.2f, b: 0.75f);

    /// <summary>
    /// Hands out the searcher with a reference held, so that disposing the index (when the articles change and
    /// a new one replaces it) closes the reader only once the last search under way has finished.
    /// </summary>
    private readonly SearcherManager searchers;

    private PassageIndex(string path, string generation, LuceneDirectory directory, int passageCount, bool rebuilt)
    {
        Path = path;
        Generation = generation;
        PassageCount = passageCount;
        searchers = new SearcherManager(directory, new Bm25Searchers());
        var searcher = searchers.Acquire();
        searcher.IndexReader.AddReaderDisposedListener(new DisposeWith(directory));
        searchers.Release(searcher);
        WasRebuilt = rebuilt;
    }

    /// <summary>The index folder.</summary>
    public string Path { get; }

    /// <summary>The generation folder in use, inside <see cref="Path"/>.</summary>
    public string Generation { get; }

    /// <summary>True when opening found the index missing, stale, corrupt or foreign and built it anew.</summary>
    public bool WasRebuilt { get; }

    public int PassageCount { get; }

    /// <summary>The generation folder's full path: files kept with the index (<see cref="Build"/>'s <c>keep</c>) are there.</summary>
    public string Folder => System.IO.Path.Combine(Path, Generation);

    /// <summary>The index in <paramref name="path"/> as it stands, or a new one when it is missing, stale, damaged or foreign.</summary>
    public static PassageIndex OpenOrBuild(Corpus corpus, string path, PassageOptions options, PassageAnalyzer analyzer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(analyzer);
        var fingerprint = IndexFingerprint.Of(IndexFingerprint.OfCorpus(corpus), options, analyzer.Irregular.Fingerprint());
        return TryOpen(path, fingerprint)
            ?? Build([.. corpus.Articles.SelectMany(a => PassageSplitter.Split(a, options))], path, analyzer, fingerprint, conceptsOf: _ => [], keep: _ => { }, progress: null, cancellationToken);
    }

    /// <summary>The index in <paramref name="path"/> when it was built for <paramref name="fingerprint"/> and reads back whole; otherwise null.</summary>
    public static PassageIndex? TryOpen(string path, string fingerprint)
    {
        var pointer = System.IO.Path.Combine(path, PointerFile);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var generation = File.ReadAllText(pointer).Trim();
        var valid = generation.StartsWith(GenerationPrefix, StringComparison.Ordinal) && generation.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) < 0;
        return valid ? Open(path, generation, fingerprint, rebuilt: false) : null;
    }

    /// <summary>
    /// Builds the index in a fresh generation folder, lets <paramref name="keep"/> write what belongs with it
    /// there, then points <paramref name="path"/> at it and deletes the generations before.
    /// </summary>
    /// <param name="conceptsOf">A passage's concept keys, kept with it for the retriever's re-ranking.</param>
    /// <param name="progress">Told how many passages are indexed, now and then.</param>
    public static PassageIndex Build(
        IReadOnlyList<Passage> passages, string path, PassageAnalyzer analyzer, string fingerprint, Func<Passage, IEnumerable<string>> conceptsOf,
        Action<string> keep, IProgress<OpenProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conceptsOf);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(keep);
        System.IO.Directory.CreateDirectory(path);
        var generation = GenerationPrefix + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var folder = System.IO.Path.Combine(path, generation);
        try
        {
            Write(passages, folder, analyzer, fingerprint, conceptsOf, progress, cancellationToken);
            keep(folder);
        }
        catch
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);   // half an index is never pointed at; nor kept
            }

            throw;
        }

        SwitchTo(path, generation);
        RemoveOldGenerations(path, generation);
        return Open(path, generation, fingerprint, rebuilt: true)
            ?? throw new InvalidDataException($"The index just built in {folder} cannot be read back.");
    }

    /// <summary>The best <paramref name="limit"/> passages for a query, with their BM25 scores and concept keys.</summary>
    public IReadOnlyList<(Passage Passage, double Score, HashSet<string> Concepts)> Search(Query query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var searcher = searchers.Acquire();
        try
        {
            return [.. searcher.Search(query, limit).ScoreDocs.Select(hit =>
            {
                var (passage, concepts) = PassageFields.Read(searcher.Doc(hit.Doc));
                return (passage, (double)hit.Score, concepts);
            })];
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>How many distinct stems the passages hold: the index's vocabulary.</summary>
    public long CountTerms()
    {
        var searcher = searchers.Acquire();
        try
        {
            var terms = MultiFields.GetTerms(searcher.IndexReader, PassageFields.Text);
            if (terms is null)
            {
                return 0;
            }

            if (terms.Count >= 0)
            {
                return terms.Count;
            }

            var count = 0L;
            var all = terms.GetEnumerator();
            while (all.MoveNext())
            {
                count++;
            }

            return count;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Releases the index's own reference; the files close when no search holds one.</summary>
    public void Dispose() => searchers.Dispose();

    /// <returns>The index, or null when the generation is missing, damaged, not ours or built from something else.</returns>
    private static PassageIndex? Open(string path, string generation, string fingerprint, bool rebuilt)
    {
        var folder = System.IO.Path.Combine(path, generation);
        if (!System.IO.Directory.Exists(folder))
        {
            return null;
        }

        var directory = FSDirectory.Open(folder);
        try
        {
            // The commit alone says what the index was built from; only a matching one is opened for search,
            // which reads its segments (and throws on damaged ones).
            var commit = new SegmentInfos();
            commit.Read(directory);
            var passages = commit.TotalDocCount;
            if (commit.UserData.TryGetValue(FingerprintKey, out var stored) && stored == fingerprint
                && commit.UserData.TryGetValue(PassagesKey, out var count) && count == passages.ToString(CultureInfo.InvariantCulture))
            {
                return new PassageIndex(path, generation, directory, passages, rebuilt);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Missing segments, a truncated file, a foreign folder: rebuild rather than serve it.
        }

        directory.Dispose();
        return null;
    }

    /// <summary>Progress is reported this often, in passages: often enough for a bar, rarely enough to cost nothing.</summary>
    private const int ProgressEvery = 500;

    private const string IndexingStage = "Indexing passages";

    private static void Write(
        IReadOnlyList<Passage> passages, string folder, PassageAnalyzer analyzer, string fingerprint, Func<Passage, IEnumerable<string>> conceptsOf,
        IProgress<OpenProgress>? progress, CancellationToken cancellationToken)
    {
        using var directory = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(PassageAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE, Similarity = Similarity };
        using var writer = new IndexWriter(directory, config);
        for (var i = 0; i < passages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.AddDocument(PassageFields.Document(passages[i], conceptsOf(passages[i])));
            if (i % ProgressEvery == 0)
            {
                progress?.Report(new OpenProgress(IndexingStage, i, passages.Count));
            }
        }

        writer.SetCommitData(new Dictionary<string, string>
        {
            [FingerprintKey] = fingerprint,
            [PassagesKey] = passages.Count.ToString(CultureInfo.InvariantCulture),
        });
        writer.Commit();
        progress?.Report(new OpenProgress(IndexingStage, passages.Count, passages.Count));
    }

    /// <summary>Points the index at <paramref name="generation"/> with one rename, which readers see whole or not at all.</summary>
    private static void SwitchTo(string path, string generation)
    {
        var temporary = System.IO.Path.Combine(path, $".{PointerFile}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, generation);
        File.Move(temporary, System.IO.Path.Combine(path, PointerFile), overwrite: true);
    }

    /// <summary>
    /// Deletes the generations no longer pointed at. A reader still open on one keeps reading it (the files
    /// stay until it closes); one that cannot be deleted now is left for the next build.
    /// </summary>
    private static void RemoveOldGenerations(string path, string current)
    {
        foreach (var folder in new DirectoryInfo(path).EnumerateDirectories(GenerationPrefix + "*"))
        {
            if (folder.Name == current || DateTime.UtcNow - folder.LastWriteTimeUtc < BuildGrace)
            {
                continue;
            }

            try
            {
                folder.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use elsewhere or already gone; the next build tries again.
            }
        }
    }

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }

    /// <summary>Closes the folder when its reader closes: the reader reads through it to the last search.</summary>
    private sealed class DisposeWith(LuceneDirectory directory) : IReaderDisposedListener
    {
        public void OnDispose(IndexReader reader) => directory.Dispose();
    }
}
