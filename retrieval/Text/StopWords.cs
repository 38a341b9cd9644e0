namespace SummitBot.Retrieval.Text;

/// <summary>
/// Words that carry no topic: question scaffolding, pronouns, auxiliaries and the like. The list is data
/// (the shipped stopwords.txt), so a corpus in other phrasing changes a file, not code.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> All = Parse(ShippedData.Read("stopwords.txt"));

    public static bool Contains(string word) => All.Contains(word.Replace('’', '\''));

    /// <summary>The list, in order, for fingerprinting what an index was built with.</summary>
    internal static IEnumerable<string> Listed => All.Order(StringComparer.OrdinalIgnoreCase);

    /// <summary>One word a line; blank lines and text after '#' are ignored.</summary>
    internal static HashSet<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split('\n').Select(line => line.Split('#')[0].Trim()).Where(word => word.Length > 0);
        return new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
    }
}
