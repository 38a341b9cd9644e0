using SummitBot.Retrieval.Analysis;

namespace SummitBot.Retrieval.Lexicon;

/// <summary>
/// What reading a question needs of WordNet: which lemmas exist (for base forms and set phrases), its
/// irregular forms, and the kinds of thing a noun names. <see cref="WordNet"/> answers from the whole
/// database when an index is built; <see cref="StoredLexicon"/> answers from what was kept beside the index.
/// </summary>
public interface ILexicon
{
    /// <summary>Lemmas are lower case, words joined by underscores: "prime_minister", "call_off".</summary>
    bool Contains(string lemma);

    IrregularForms Irregular { get; }

    /// <summary>The frequent noun senses of a lemma, as the kinds a "which city" question asks for.</summary>
    IReadOnlySet<int> KindsNamed(string lemma);

    /// <summary>True when some frequent noun sense of <paramref name="lemma"/> is, through broader senses, one of <paramref name="kinds"/>.</summary>
    bool IsKindOf(string lemma, IReadOnlySet<int> kinds);
}
