namespace SummitBot.Retrieval;

/// <summary>
/// Every constant that weighs one reading of a question against another, in one place: how the retriever
/// ranks passages, how strongly WordNet relations count, how concepts are weighed, and how the answer step
/// scores and composes sentences. Change one here and measure both suites (README "Evaluating answers").
/// The limits users may want to set (how many passages, how much coverage) are options instead.
/// </summary>
public static class Scoring
{
    // Ranking passages (Search/LuceneRetriever).

    /// <summary>Candidates read per hit wanted, so that merged retellings still leave enough distinct hits.</summary>
    public const int CandidatesPerHit = 6;

    /// <summary>
    /// How much BM25 counts next to coverage. BM25 sees every alias as its own term, so a group with eight
    /// names (the United States) outweighs a rare word the question hinges on; coverage counts each concept
    /// once, by how rare it is, and leads.
    /// </summary>
    public const double Bm25Share = 0.3;

    /// <summary>What a passage gains for holding the kind of thing asked for (<see cref="Search.PassageQuery.Favours"/>).</summary>
    public const double KindBonus = 0.15;

    // Relating words through WordNet (Lexicon/Thesaurus), each relation between 0 and 1.

    /// <summary>Another word of the same synset: close, but not the word itself.</summary>
    public const double SynonymStrength = 0.8;

    /// <summary>How much a step to a broader or narrower sense keeps: "Tokyo" is a capital, a capital a city.</summary>
    public const double HierarchyStep = 0.6;

    /// <summary>How much a step to a derived or similar form keeps: "predecessor" and "precede", "critic" and "criticize".</summary>
    public const double CousinStep = 0.85;

    /// <summary>Steps from a corpus word; two reach "city" from "Tokyo" without reaching every word in English.</summary>
    public const int ThesaurusSteps = 2;

    /// <summary>Weaker relations than this are noise: two broad steps lead almost anywhere.</summary>
    public const double MinRelationStrength = 0.25;

    /// <summary>Senses of a corpus word walked per part of speech: rare senses mostly add noise.</summary>
    public const int SensesWalked = 3;

    // Reading concepts (Text/ConceptAnalyzer).

    /// <summary>How closely a derived form stands for its root: as closely as a synonym.</summary>
    public const double DerivedFormStrength = SynonymStrength;

    /// <summary>Shortest shared beginning that makes two words one concept: long enough that "office" stays apart from "official"'s cousins.</summary>
    public const int MinSharedPrefix = 6;

    // Weighing concepts (Text/ConceptWeights).

    /// <summary>
    /// A word no article uses weighs as much as one used in a single sentence: it may be what the question is
    /// about ("climate"), or only the asker's own wording ("scheduled", "uneasy"), and cannot be told apart here.
    /// </summary>
    public const int UnseenFrequency = 1;

    // Scoring sentences (bot/Answering/SentenceScorer): coverage of the question leads, these add to it.

    /// <summary>What a follow-up's sentence gains for being about the conversation's subject, at most.</summary>
    public const double ContextWeight = 0.25;

    /// <summary>What a sentence gains for holding the kind of thing asked for right beside the question's words.</summary>
    public const double KindWeight = 0.3;

    /// <summary>What the retriever's first hit adds to its sentences (halved for the second, and so on): a tie-breaker.</summary>
    public const double RankWeight = 0.05;

    /// <summary>How much a concept counts when it is only in the sentences around one, not in it.</summary>
    public const double NearbyShare = 0.5;

    /// <summary>Characters within which the thing asked for counts as right beside the question's words.</summary>
    public const int CloseChars = 40;

    /// <summary>
    /// Share of the question's weight at which one concept is what it hinges on: "Who replaced Ishiba…" is not
    /// answered by a sentence that only names Ishiba, however much else of the question it covers.
    /// </summary>
    public const double FocusShare = 0.5;

    // Composing answers (bot/Answering/AnswerComposer).

    /// <summary>Concept overlap at which two sentences from different articles state the same thing.</summary>
    public const double SameClaimOverlap = 0.6;

    /// <summary>A further sentence must score at least this share of the best one: no padding with weak matches.</summary>
    public const double MinRelativeScore = 0.5;

    // Checking a chat model's sentences against the passages they cite (bot/Answering/Model/GroundingCheck).

    /// <summary>
    /// How closely a passage's word must be related to a sentence's word to state it: a synonym, a derived form or
    /// one broader step ("talks" for "discussed"), not the two-step relations that help a search find candidates.
    /// </summary>
    public const double GroundingRelation = 0.45;
}
