using SummitBot.Retrieval.Passages;
using SummitBot.Retrieval.Search;
using SummitBot.Retrieval.Text;

namespace SummitBot.Answering;

/// <summary>A sentence of a retrieved passage that might answer the question.</summary>
/// <param name="Passage">The passage it came from; its other sentences are the sentence's context.</param>
/// <param name="Rank">The rank of its hit, from 0.</param>
/// <param name="Concepts">Concept keys of the sentence.</param>
/// <param name="Positions">Where each concept of the sentence stands in it.</param>
/// <param name="ContextConcepts">Concept keys of the whole passage around it.</param>
/// <param name="Terms">The sentence's concepts as read, in order.</param>
internal sealed record CandidateSentence(
    string Text, Passage Passage, int Rank, HashSet<string> Concepts, ILookup<string, int> Positions, HashSet<string> ContextConcepts,
    IReadOnlyList<Concept> Terms)
{
    public string ArticleId => Passage.ArticleId;

    /// <summary>Every sentence of the hits (echoes included), once per article.</summary>
    public static List<CandidateSentence> From(IReadOnlyList<SearchHit> hits, ConceptAnalyzer analyzer)
    {
        var seen = new HashSet<(string, string)>();
        var candidates = new List<CandidateSentence>();
        for (var rank = 0; rank < hits.Count; rank++)
        {
            foreach (var passage in hits[rank].Echoes.Prepend(hits[rank].Passage))
            {
                var context = Keys(analyzer, passage.Text);
                foreach (var range in SentenceSplitter.Split(passage.Text))
                {
                    var text = passage.Text[range];
                    if (seen.Add((passage.ArticleId, text)))
                    {
                        var concepts = analyzer.Analyze(text);
                        candidates.Add(new CandidateSentence(
                            text, passage, rank, [.. concepts.Select(c => c.Key)], concepts.ToLookup(c => c.Key, c => c.Index), context, concepts));
                    }
                }
            }
        }

        return candidates;
    }

    private static HashSet<string> Keys(ConceptAnalyzer analyzer, string text) => [.. analyzer.Analyze(text).Select(c => c.Key)];
}
