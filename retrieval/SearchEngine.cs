using SummitBot.Retrieval.Analysis;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Lexicon;
using SummitBot.Retrieval.Search;
using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval;

/// <summary>Everything a question needs, opened once: the corpus, its index and the retriever over it.</summary>
public sealed class SearchEngine : IDisposable
{
    private SearchEngine(Corpus corpus, PassageIndex index, ConceptAnalyzer analyzer, ConceptWeights weights, bool hasLexicon)
    {
        Corpus = corpus;
        Index = index;
        Analyzer = analyzer;
        Weights = weights;
        HasLexicon = hasLexicon;
        Retriever = null!;
    }

    public Corpus Corpus { get; }

    public PassageIndex Index { get; }

    public ConceptAnalyzer Analyzer { get; }

    public ConceptWeights Weights { get; }

    public IPassageRetriever Retriever { get; private init; }

    /// <summary>False when WordNet was not found: questions then match only the articles' words and aliases.</summary>
    public bool HasLexicon { get; }

    /// <param name="root">The folder the option paths are relative to.</param>
    public static async Task<SearchEngine> OpenAsync(string root, RetrievalOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var corpus = await ArticleLoader.LoadFolderAsync(Path.Combine(root, options.ArticlesPath), cancellationToken).ConfigureAwait(false);
        var aliases = options.AliasesPath is null ? AliasTable.Shipped : AliasTable.Load(Path.Combine(root, options.AliasesPath));
        var wordNetPath = options.WordNetPath is null ? null : Path.Combine(root, options.WordNetPath);
        var wordNet = wordNetPath is not null && WordNet.IsPresent(wordNetPath) ? WordNet.Load(wordNetPath) : null;
        var words = new WordReader(new PassageAnalyzer(wordNet?.Irregular ?? IrregularForms.None));
        var index = PassageIndex.OpenOrBuild(corpus, Path.Combine(root, options.IndexPath), options.Passages, words.Analyzer, cancellationToken);
        var corpusAnalyzer = new ConceptAnalyzer(aliases, wordNet: wordNet, reader: words);
        var weights = ConceptWeights.Of(corpus, corpusAnalyzer);
        var thesaurus = wordNet is null ? Thesaurus.None : Thesaurus.Build(wordNet, CorpusLemmas(corpus, corpusAnalyzer));
        var analyzer = corpusAnalyzer.WithVocabulary(weights.Known).WithThesaurus(thesaurus);
        return new SearchEngine(corpus, index, analyzer, weights, wordNet is not null)
        {
            Retriever = new LuceneRetriever(index, analyzer, weights, options),
        };
    }

    /// <summary>A question's text as a query: its concepts with what they stand for, and the kind of answer it wants.</summary>
    public PassageQuery Query(string text) => new(Analyzer.Expand(Analyzer.Analyze(text)), QuestionKinds.Of(text));

    public void Dispose() => Index.Dispose();

    private static IEnumerable<(string Lemma, string Key)> CorpusLemmas(Corpus corpus, ConceptAnalyzer analyzer) =>
        from article in corpus.Articles
        from concept in analyzer.Analyze(article.Text)
        from lemma in analyzer.Lemmas(concept)
        select (lemma, concept.Key);
}
