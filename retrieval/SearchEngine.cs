using SummitBot.Retrieval.Analysis;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Lexicon;
using SummitBot.Retrieval.Passages;
using SummitBot.Retrieval.Search;
using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval;

/// <summary>Everything a question needs, opened once: the corpus, its index and the retriever over it.</summary>
public sealed class SearchEngine : IDisposable
{
    private SearchEngine(Corpus corpus, PassageIndex index, ConceptAnalyzer analyzer, ConceptWeights weights, IPassageRetriever retriever, bool hasLexicon)
    {
        Corpus = corpus;
        Index = index;
        Analyzer = analyzer;
        Weights = weights;
        Retriever = retriever;
        HasLexicon = hasLexicon;
    }

    public Corpus Corpus { get; }

    public PassageIndex Index { get; }

    public ConceptAnalyzer Analyzer { get; }

    public ConceptWeights Weights { get; }

    public IPassageRetriever Retriever { get; }

    /// <summary>False when WordNet was not found: questions then match only the articles' words and aliases.</summary>
    public bool HasLexicon { get; }

    /// <summary>
    /// Loads the corpus and opens its index, building it when it is missing or stale. WordNet is read only to
    /// build: what the corpus needs of it is kept beside the index (<see cref="StoredLexicon"/>).
    /// </summary>
    /// <param name="root">The folder the option paths are relative to.</param>
    public static Task<SearchEngine> OpenAsync(string root, RetrievalOptions options, CancellationToken cancellationToken) =>
        OpenAsync(root, options, progress: null, rebuild: false, cancellationToken);

    /// <param name="progress">Told each stage, and passages indexed of all while building.</param>
    /// <param name="rebuild">Build the index even when the one in place is current.</param>
    public static async Task<SearchEngine> OpenAsync(
        string root, RetrievalOptions options, IProgress<OpenProgress>? progress, bool rebuild, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var articlesPath = Path.Combine(root, options.ArticlesPath);
        var aliases = options.AliasesPath is null ? AliasTable.Shipped : AliasTable.Load(Path.Combine(root, options.AliasesPath));
        var wordNetPath = options.WordNetPath is null ? null : Path.Combine(root, options.WordNetPath);
        wordNetPath = wordNetPath is not null && WordNet.IsPresent(wordNetPath) ? wordNetPath : null;
        var indexPath = Path.Combine(root, options.IndexPath);
        var fingerprint = IndexFingerprint.Of(ArticleFiles.Fingerprint(articlesPath), options.Passages, LexiconIdentity(aliases, wordNetPath));

        // The same files as the index was built from: their parsed text is kept with it.
        var index = rebuild ? null : PassageIndex.TryOpen(indexPath, fingerprint);
        var corpus = index is null ? null : StoredCorpus.Read(index.Folder);
        if (corpus is null)
        {
            index?.Dispose();
            index = null;
            progress?.Report(new OpenProgress("Loading articles"));
            corpus = await ArticleLoader.LoadFolderAsync(articlesPath, cancellationToken).ConfigureAwait(false);
        }

        var lexicon = index is not null ? StoredLexicon.Read(index.Folder) : DistilLexicon(wordNetPath, corpus, aliases, progress);
        var corpusAnalyzer = ReaderOf(lexicon, aliases);
        var weights = index is not null ? ConceptWeights.Read(index.Folder) : null;
        if (weights is null)
        {
            progress?.Report(new OpenProgress("Weighing concepts"));
            weights = ConceptWeights.Of(corpus, corpusAnalyzer);
        }

        index ??= BuildIndex(corpus, lexicon, weights, corpusAnalyzer, indexPath, fingerprint, options.Passages, progress, cancellationToken);

        var analyzer = corpusAnalyzer.WithVocabulary(weights.Known).WithThesaurus(lexicon.Thesaurus);
        return new SearchEngine(corpus, index, analyzer, weights, new LuceneRetriever(index, analyzer, weights, options), lexicon.IsPresent);
    }

    /// <summary>Some text as a query: its concepts with what they stand for (the answer step adds what it favours).</summary>
    public PassageQuery Query(string text) => new(Analyzer.Expand(Analyzer.Analyze(text)));

    public void Dispose() => Index.Dispose();

    /// <summary>How the corpus's text and the questions are read into concepts, with the lexicon kept for this corpus.</summary>
    private static ConceptAnalyzer ReaderOf(StoredLexicon lexicon, AliasTable aliases) =>
        new(aliases, wordNet: lexicon.IsPresent ? lexicon : null, reader: new WordReader(new PassageAnalyzer(lexicon.Irregular)));

    /// <summary>Indexes the corpus's passages, with each passage's concepts, and keeps the lexicon, weights and parsed articles beside them.</summary>
    private static PassageIndex BuildIndex(
        Corpus corpus, StoredLexicon lexicon, ConceptWeights weights, ConceptAnalyzer corpusAnalyzer, string indexPath, string fingerprint,
        PassageOptions passageOptions, IProgress<OpenProgress>? progress, CancellationToken cancellationToken)
    {
        var passages = corpus.Articles.SelectMany(a => PassageSplitter.Split(a, passageOptions)).ToList();
        return PassageIndex.Build(
            passages,
            indexPath,
            corpusAnalyzer.Words.Analyzer,
            fingerprint,
            // Corpus text needs no vocabulary mapping: its words are the vocabulary.
            passage => corpusAnalyzer.Analyze(passage.Text).Select(c => c.Key).Distinct(StringComparer.Ordinal),
            folder =>
            {
                lexicon.Write(folder);
                weights.Write(folder);
                StoredCorpus.Write(folder, corpus);
            },
            progress,
            cancellationToken);
    }

    /// <summary>Reads WordNet (the one time it is read) and keeps what the corpus needs of it.</summary>
    private static StoredLexicon DistilLexicon(string? wordNetPath, Corpus corpus, AliasTable aliases, IProgress<OpenProgress>? progress)
    {
        if (wordNetPath is null)
        {
            return StoredLexicon.Empty;
        }

        progress?.Report(new OpenProgress("Reading WordNet"));
        var wordNet = WordNet.Load(wordNetPath);
        progress?.Report(new OpenProgress("Distilling the lexicon"));
        return Distil(wordNet, corpus, aliases);
    }

    /// <summary>What the corpus needs of WordNet: its words' relations, kinds and forms.</summary>
    private static StoredLexicon Distil(WordNet wordNet, Corpus corpus, AliasTable aliases)
    {
        var analyzer = new ConceptAnalyzer(aliases, wordNet: wordNet, reader: new WordReader(new PassageAnalyzer(wordNet.Irregular)));
        var concepts = corpus.Articles.SelectMany(a => analyzer.Analyze(a.Text)).ToList();
        var thesaurus = Thesaurus.Build(wordNet, concepts.SelectMany(c => analyzer.Lemmas(c).Select(lemma => (lemma, c.Key))));
        return StoredLexicon.Distil(wordNet, concepts.SelectMany(analyzer.KindLemmas), thesaurus);
    }

    /// <summary>
    /// Identifies what words are read with, without reading WordNet: the alias groups, and WordNet's file
    /// names and sizes (a different release or a missing exception list changes them).
    /// </summary>
    private static string LexiconIdentity(AliasTable aliases, string? wordNetPath)
    {
        var identity = new System.Text.StringBuilder();
        foreach (var group in aliases.Groups)
        {
            identity.AppendJoin('|', group).Append('\n');
        }

        identity.AppendJoin('|', StopWords.Listed).Append('\n');   // they decide which words are concepts, and so the weights kept

        foreach (var file in wordNetPath is null ? Enumerable.Empty<FileInfo>() : new DirectoryInfo(wordNetPath).EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            identity.Append(file.Name).Append('=').Append(file.Length).Append('\n');
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity.ToString())));
    }
}
