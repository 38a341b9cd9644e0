namespace SummitBot.Retrieval.Text;

public static class ConceptOverlap
{
    /// <summary>Shared concepts over the smaller set: a short sentence inside a longer retelling still counts as the same.</summary>
    public static double Of(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);
    }
}
