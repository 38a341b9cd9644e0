using System.ComponentModel.DataAnnotations;

namespace SummitBot.Answering;

/// <summary>How the answer step picks and cites sentences (section "Answering").</summary>
public sealed class AnswerOptions
{
    public const string Section = "Answering";

    /// <summary>
    /// What the articles are about, as the bot names it when it declines a question ("I can answer questions
    /// about …"). A new corpus sets its own. Default: the 23 August 2025 Tokyo summit of Lee and Ishiba.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Topic { get; set; } =
        "the 23 August 2025 Tokyo summit between South Korean President Lee Jae Myung and Japanese Prime Minister Shigeru Ishiba";

    /// <summary>What the bot says when the articles do not cover a question.</summary>
    public string NotCoveredText => $"The articles don't cover that. I can answer questions about {Topic}.";

    /// <summary>Passages retrieved per question (after merging retellings). Default 8.</summary>
    [Range(1, 50)]
    public int TopK { get; set; } = 8;

    /// <summary>
    /// Share of the question's weighted concepts the best sentence must contain for the articles to count as
    /// covering the question; below it the bot says they do not. Default 0.45.
    /// </summary>
    [Range(0.05, 1.0)]
    public double MinCoverage { get; set; } = 0.45;

    /// <summary>Most sentences in an answer. Default 3: the shortest answer that answers, with room for a reason.</summary>
    [Range(1, 10)]
    public int MaxSentences { get; set; } = 3;

    /// <summary>Share of the question a further sentence must newly cover to be added. Default 0.2.</summary>
    [Range(0.0, 1.0)]
    public double MinGain { get; set; } = 0.2;

    /// <summary>Longest excerpt shown for a source, in characters. Default 240.</summary>
    [Range(40, 2000)]
    public int ExcerptLength { get; set; } = 240;

    /// <summary>Longest question read, in characters; longer text is politely declined. Default 2000.</summary>
    [Range(10, 100_000)]
    public int MaxQuestionLength { get; set; } = 2000;

    /// <summary>
    /// The people the summit was between, as the articles name them. A question that opens a conversation with
    /// "the two leaders" or "both men" asks about them. Default: none (such phrases are read as words).
    /// </summary>
    public IReadOnlyList<string> Principals { get; set; } = [];

    /// <summary>Earlier questions of the conversation a follow-up may lean on. Default 2.</summary>
    [Range(0, 10)]
    public int FollowUpTurns { get; set; } = 2;
}
