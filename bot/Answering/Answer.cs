namespace SummitBot.Answering;

/// <summary>A reply to one question. Every sentence of <see cref="Text"/> carries [n] markers into <see cref="Citations"/>.</summary>
/// <param name="Grounded">False when the articles do not cover the question; then there are no citations.</param>
public sealed record Answer(string Text, bool Grounded, IReadOnlyList<Citation> Citations)
{
    public static Answer NotCovered(string text) => new(text, Grounded: false, []);
}
