using System.Text.RegularExpressions;

namespace SummitBot.Answering;

/// <summary>
/// "The two leaders", "both men": in a question that opens a conversation these mean the summit's principals,
/// who are what the bot is about. Written out as their names, they are names the answer must be about, not
/// the word "leader" that half the articles' sentences use for someone else.
/// </summary>
internal static partial class ReferringPhrases
{
    public static string Resolve(string question, IReadOnlyList<string> principals) =>
        principals.Count < 2 ? question : Phrase().Replace(question, string.Join(" and ", principals));

    /// <summary>Not "the leaders of China and Russia": those are other leaders.</summary>
    [GeneratedRegex(@"\b(the two (leaders|men)|both (leaders|men)|the leaders)\b(?!\s+of\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Phrase();
}
