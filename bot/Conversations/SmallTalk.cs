using SummitBot.Hosting;

namespace SummitBot.Conversations;

/// <summary>What a message that is not a question is: a greeting or thanks.</summary>
public enum SmallTalkKind
{
    Greeting,
    Thanks,
}

/// <summary>
/// Recognises a greeting or thanks sent on its own ("Hi!", "thanks a lot"), so the turn logic replies in
/// kind instead of searching the articles for it. The phrases are data (Data/small-talk.txt); a message that
/// says anything more ("Hi, where did they meet?") is a question.
/// </summary>
public static class SmallTalk
{
    /// <summary>Words an addressee may tack on ("thanks bot", "hi there") without making it a question.</summary>
    private static readonly string[] Addressees = ["bot", "there", "summitbot", "everyone", "all"];

    private static readonly Dictionary<string, SmallTalkKind> Phrases = Parse(EmbeddedText.Read("SummitBot.Conversations.small-talk.txt"));

    public static bool TryParse(string text, out SmallTalkKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Phrases.TryGetValue(Normalize(text), out kind);
    }

    /// <summary>Lines of "kind: phrase"; blank lines and '#' comments are ignored.</summary>
    internal static Dictionary<string, SmallTalkKind> Parse(string data)
    {
        var phrases = new Dictionary<string, SmallTalkKind>(StringComparer.Ordinal);
        foreach (var line in data.Split('\n').Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !Enum.TryParse<SmallTalkKind>(line[..colon].Trim(), ignoreCase: true, out var kind))
            {
                throw new InvalidDataException($"small-talk.txt: '{line}' is not 'greeting: phrase' or 'thanks: phrase'.");
            }

            phrases[Normalize(line[(colon + 1)..])] = kind;
        }

        return phrases;
    }

    /// <summary>Lower case, letters and single spaces only, a trailing addressee dropped: "Thanks, bot!" → "thanks".</summary>
    private static string Normalize(string text)
    {
        var words = new string([.. text.ToLowerInvariant().Select(c => char.IsLetter(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && Addressees.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }
}
