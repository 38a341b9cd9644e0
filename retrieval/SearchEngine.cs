using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Lexicon;
using SummitBot.Retrieval.Search;
using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval;

/// <summary>Everything a question needs, opened once: the corpus, its index and the retriever over it.</summary>
/// <param name="HasLexicon">False when WordNet was not found: questions then match only the articles' words and aliases.</param>
public sealed record SearchEngine(
    Corpus Corpus, PassageIndex Index, ConceptAnalyzer Analyzer, ConceptWeights Weights, IPassageRetriever Retriever, bool HasLexicon)
{
    /// <param name="root">The folder the option paths are relative to.</param>
    public static async Task<SearchEngine> OpenAsync(string root, RetrievalOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var corpus = await ArticleLoader.LoadFolderAsync(Path.Combine(root, options.ArticlesPath), cancellationToken).ConfigureAwait(false);
        var index = await PassageIndex.OpenOrBuildAsync(corpus, Path.Combine(root, options.IndexPath), options.Passages, cancellationToken).ConfigureAwait(false);
        var aliases = options.AliasesPath is null ? AliasTable.Shipped : AliasTable.Load(Path.Combine(root, options.AliasesPath));
        var wordNetPath = options.WordNetPath is null ? null : Path.Combine(root, options.WordNetPath);
        var wordNet = wordNetPath is not null && WordNet.IsPresent(wordNetPath) ? WordNet.Load(wordNetPath) : null;
        var corpusAnalyzer = new ConceptAnalyzer(aliases, wordNet: wordNet);
        var weights = ConceptWeights.Of(corpus, corpusAnalyzer);
        var thesaurus = wordNet is null ? Thesaurus.None : Thesaurus.Build(wordNet, CorpusLemmas(corpus, corpusAnalyzer));
        var analyzer = corpusAnalyzer.WithVocabulary(weights.Known).WithThesaurus(thesaurus);
        return new SearchEngine(corpus, index, analyzer, weights, new FtsRetriever(index, analyzer, weights, options), wordNet is not null);
    }

    private static IEnumerable<(string Lemma, string Key)> CorpusLemmas(Corpus corpus, ConceptAnalyzer analyzer) =>
        from article in corpus.Articles
        from concept in analyzer.Analyze(article.Text)
        from lemma in analyzer.Lemmas(concept)
        select (lemma, concept.Key);
}
