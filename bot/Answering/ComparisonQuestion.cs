using System.Text.RegularExpressions;

namespace SummitBot.Answering;

/// <summary>
/// "Do all the articles give the same dates?", "Does every article treat the election as over?": a question
/// about how the articles' accounts compare, answered with each article's own account side by side.
/// </summary>
internal static partial class ComparisonQuestion
{
    public static bool IsAsked(string question) => Pattern().IsMatch(question);

    [GeneratedRegex(@"\b((all|both|every|each|any|the other|other) (of )?(the )?(articles?|reports?|sources?|outlets?)|(articles?|reports?|sources?|outlets?) (agree|disagree|differ|conflict|contradict)\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
