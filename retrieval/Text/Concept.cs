namespace SummitBot.Retrieval.Text;

/// <summary>
/// One meaningful term of some text. Words that are names of the same thing (an alias group) share a key,
/// so "ROK" in a question and "South Korea" in an article are the same concept.
/// </summary>
/// <param name="Key">The alias group's key, or the word's stem.</param>
/// <param name="Surface">The words as written.</param>
/// <param name="IsName">Written capitalised inside a sentence, or a number: a name the answer must be about.</param>
public sealed record Concept(string Key, string Surface, int Index, bool IsName)
{
    private static readonly Dictionary<string, double> NoneRelated = [];

    /// <summary>
    /// Other concepts of the corpus this one stands for, and how closely (0 to 1): "city" for "Tokyo". Filled
    /// for a question's concepts by <see cref="ConceptAnalyzer.Expand"/>; empty for the articles' own.
    /// </summary>
    public IReadOnlyDictionary<string, double> Related { get; init; } = NoneRelated;

    /// <summary>A set phrase WordNet knows ("climate change", "call off"): one thing, named in several words.</summary>
    public bool IsSetPhrase => Key.StartsWith(ConceptAnalyzer.PhrasePrefix, StringComparison.Ordinal);

    /// <summary>How far a text holding <paramref name="keys"/> holds this concept: 1 for itself, the strongest related one's strength, or 0.</summary>
    public double BestIn(IReadOnlySet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Contains(Key))
        {
            return 1;
        }

        var best = 0.0;
        foreach (var (key, strength) in Related)
        {
            if (strength > best && keys.Contains(key))
            {
                best = strength;
            }
        }

        return best;
    }
}
