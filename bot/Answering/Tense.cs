using System.Text.RegularExpressions;

namespace SummitBot.Answering;

/// <summary>Where a sentence tells something as still to come: "will meet", "is expected to address".</summary>
internal static partial class Tense
{
    /// <summary>Characters between "will" and the word it governs ("will meet", "will first meet").</summary>
    private const int Reach = 12;

    /// <summary>True when a marker of the future stands just before one of <paramref name="positions"/>: that word is told as still to come.</summary>
    public static bool IsUpcoming(string sentence, IEnumerable<int> positions)
    {
        var ends = Upcoming().Matches(sentence ?? "").Select(m => m.Index + m.Length).ToList();
        return ends.Count > 0 && positions.Any(p => ends.Any(end => p >= end && p - end <= Reach));
    }

    [GeneratedRegex(@"\b(?:will|shall|is to|are to|(?:is|are) (?:expected|set|due|scheduled|likely) to|plans? to|(?:is|are) planning to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Upcoming();
}
