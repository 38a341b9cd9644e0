using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Search;
using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval;

/// <summary>Everything a question needs, opened once: the corpus, its index and the retriever over it.</summary>
public sealed record SearchEngine(Corpus Corpus, PassageIndex Index, ConceptAnalyzer Analyzer, ConceptWeights Weights, IPassageRetriever Retriever)
{
    /// <param name="root">The folder the option paths are relative to.</param>
    public static async Task<SearchEngine> OpenAsync(string root, RetrievalOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var corpus = await ArticleLoader.LoadFolderAsync(Path.Combine(root, options.ArticlesPath), cancellationToken).ConfigureAwait(false);
        var index = await PassageIndex.OpenOrBuildAsync(corpus, Path.Combine(root, options.IndexPath), options.Passages, cancellationToken).ConfigureAwait(false);
        var aliases = options.AliasesPath is null ? AliasTable.Shipped : AliasTable.Load(Path.Combine(root, options.AliasesPath));
        var corpusAnalyzer = new ConceptAnalyzer(aliases);
        var weights = ConceptWeights.Of(corpus, corpusAnalyzer);
        var analyzer = corpusAnalyzer.WithVocabulary(weights.Known);
        return new SearchEngine(corpus, index, analyzer, weights, new FtsRetriever(index, analyzer, weights, options));
    }
}
