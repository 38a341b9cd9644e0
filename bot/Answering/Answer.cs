namespace SummitBot.Answering;

/// <summary>Which step wrote an answer: evaluators compare the steps and count how often the chat step fell back.</summary>
public enum AnsweredBy
{
    /// <summary>The extractive step, in the articles' own sentences.</summary>
    Extractive,

    /// <summary>The chat model, every sentence checked against the passages it cites.</summary>
    ChatModel,

    /// <summary>The extractive step, because the chat model failed, ran out of time or grounded nothing.</summary>
    ExtractiveFallback,
}

/// <summary>A reply to one question. Every sentence of <see cref="Text"/> carries [n] markers into <see cref="Citations"/>.</summary>
/// <param name="Grounded">False when the articles do not cover the question; then there are no citations.</param>
public sealed record Answer(string Text, bool Grounded, IReadOnlyList<Citation> Citations)
{
    public AnsweredBy By { get; init; } = AnsweredBy.Extractive;

    public static Answer NotCovered(string text) => new(text, Grounded: false, []);
}
