using SummitBot.Retrieval.Search;

namespace SummitBot.Answering.Model;

/// <summary>One numbered passage the model is shown: every retrieved passage and its retellings in other articles.</summary>
internal sealed record ModelSource(int N, string ArticleId, string Title, string Outlet, string Text)
{
    public static List<ModelSource> From(IReadOnlyList<SearchHit> hits, Retrieval.Articles.Corpus corpus) =>
        [.. hits.SelectMany(h => h.Echoes.Prepend(h.Passage))
            .Select((passage, i) =>
            {
                var metadata = corpus.Find(passage.ArticleId)!.Metadata;
                return new ModelSource(i + 1, passage.ArticleId, metadata.Title, metadata.Outlet ?? "outlet not named", passage.Text);
            })];
}
