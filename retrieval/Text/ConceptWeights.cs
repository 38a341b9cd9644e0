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
    private const string FileName = "weights.txt";

    /// <summary>In how many sentences each concept stands: the weights follow from it and the sentence count.</summary>
    private readonly Dictionary<string, int> frequency;
    private readonly int sentences;

    private ConceptWeights(Dictionary<string, int> frequency, int sentences)
    {
        this.frequency = frequency;
        this.sentences = sentences;
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

        return new ConceptWeights(frequency, sentences);
    }

    /// <summary>Keeps the counts beside the index: analysing every sentence again is most of a large corpus's start.</summary>
    /// <remarks>The first line is the number of sentences; then one "key count" a line.</remarks>
    public void Write(string folder) =>
        File.WriteAllLines(Path.Combine(folder, FileName), frequency.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{f.Key} {f.Value}"))
            .Prepend(sentences.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The counts kept in <paramref name="folder"/>, or null when it has none.</summary>
    public static ConceptWeights? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext() || !int.TryParse(lines.Current, System.Globalization.CultureInfo.InvariantCulture, out var sentences))
        {
            return null;
        }

        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        while (lines.MoveNext())
        {
            var space = lines.Current.LastIndexOf(' ');
            frequency[lines.Current[..space]] = int.Parse(lines.Current.AsSpan(space + 1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new ConceptWeights(frequency, sentences);
    }

    public double Of(string key) => Idf(sentences, frequency.GetValueOrDefault(key, Scoring.UnseenFrequency));

    /// <summary>True when the corpus uses the concept at all.</summary>
    public bool IsKnown(string key) => frequency.ContainsKey(key);

    /// <summary>Every concept the corpus uses.</summary>
    public IReadOnlySet<string> Known => frequency.Keys.ToHashSet(StringComparer.Ordinal);

    private static double Idf(int sentences, int frequency) => Math.Log((sentences + 1.0) / (frequency + 0.5));
}
