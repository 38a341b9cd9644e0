using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Retrieval.Text;

/// <summary>
/// How telling each concept is: inverse sentence frequency over the corpus. "Lee" is in most sentences and
/// says little; "LNG" is in one and says much; a word the corpus never uses weighs most of all, so a question
/// about something the articles never mention cannot look covered by its common words alone.
/// </summary>
public sealed class ConceptWeights
{
    private readonly Dictionary<string, double> weights;
    private readonly double unseen;

    private ConceptWeights(Dictionary<string, double> weights, double unseen)
    {
        this.weights = weights;
        this.unseen = unseen;
    }

    public static ConceptWeights Of(Corpus corpus, ConceptAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(analyzer);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = 0;
        foreach (var article in corpus.Articles)
        {
            foreach (var range in SentenceSplitter.Split(article.Text))
            {
                sentences++;
                foreach (var key in analyzer.Analyze(article.Text[range]).Select(c => c.Key).Distinct())
                {
                    frequency[key] = frequency.GetValueOrDefault(key) + 1;
                }
            }
        }

        var weights = frequency.ToDictionary(f => f.Key, f => Idf(sentences, f.Value), StringComparer.Ordinal);
        return new ConceptWeights(weights, Idf(sentences, Scoring.UnseenFrequency));
    }

    public double Of(string key) => weights.GetValueOrDefault(key, unseen);

    /// <summary>True when the corpus uses the concept at all.</summary>
    public bool IsKnown(string key) => weights.ContainsKey(key);

    /// <summary>Every concept the corpus uses.</summary>
    public IReadOnlySet<string> Known => weights.Keys.ToHashSet(StringComparer.Ordinal);

    private static double Idf(int sentences, int frequency) => Math.Log((sentences + 1.0) / (frequency + 0.5));
}
