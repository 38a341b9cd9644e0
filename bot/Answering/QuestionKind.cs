using System.Text.RegularExpressions;
using SummitBot.Retrieval.Text;

namespace SummitBot.Answering;

/// <summary>What sort of answer a question wants, and whether a sentence has that sort of thing in it.</summary>
public enum QuestionKind
{
    Other,
    When,

    /// <summary>"What day of the week…": a weekday, not any date.</summary>
    Weekday,

    /// <summary>"In which month…": a month.</summary>
    Month,

    /// <summary>"During which years…": years.</summary>
    Year,
    Where,

    /// <summary>"How much money…", "… in dollars": a sum of money, not any number.</summary>
    Money,
    Quantity,
    Who,
    Why,
}

public static partial class QuestionKinds
{
    /// <summary>Which passages hold the kind of thing asked for: what the retriever favours.</summary>
    public static Func<string, bool> Favouring(QuestionKind kind) => passage => Positions(kind, passage).Any();

    /// <summary>
    /// The kinds of thing a question asks for, from the nouns it names (<see cref="AskedNouns"/>): WordNet senses
    /// of the first that names any, empty when none does or there is no WordNet.
    /// </summary>
    public static IReadOnlySet<int> AskedKinds(IReadOnlyList<string> kindNouns, ConceptAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(kindNouns);
        ArgumentNullException.ThrowIfNull(analyzer);
        return kindNouns.Select(analyzer.KindsNamed).FirstOrDefault(kinds => kinds.Count > 0) ?? new HashSet<int>();
    }

    public static QuestionKind Of(string question) =>
        WeekdayQuestion().IsMatch(question) ? QuestionKind.Weekday
        : MonthQuestion().IsMatch(question) ? QuestionKind.Month
        : YearQuestion().IsMatch(question) ? QuestionKind.Year
        : When().IsMatch(question) ? QuestionKind.When
        : Where().IsMatch(question) ? QuestionKind.Where
        : MoneyQuestion().IsMatch(question) ? QuestionKind.Money
        : Quantity().IsMatch(question) ? QuestionKind.Quantity
        : Who().IsMatch(question) ? QuestionKind.Who
        : Why().IsMatch(question) ? QuestionKind.Why
        : QuestionKind.Other;

    /// <summary>
    /// The noun a "which …" or "what …" question names as the kind of its answer, most likely first: "city" of
    /// "In which city did…", "leader" of "Which world leader…", "country" of "Which country's links…".
    /// </summary>
    public static IReadOnlyList<string> AskedNouns(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var match = KindOf().Match(question);
        if (match.Success)
        {
            return [match.Groups["noun"].Value];
        }

        match = WhichNoun().Match(question);
        if (!match.Success)
        {
            return [];
        }

        var first = match.Groups["first"].Value;
        if (NotANoun().IsMatch(first))
        {
            return [];   // "What was the weather…", "what did they…": no noun names the answer's kind
        }

        var possessive = first.EndsWith("'s", StringComparison.Ordinal) || first.EndsWith("’s", StringComparison.Ordinal);
        if (possessive)
        {
            return [first[..^2]];
        }

        var second = match.Groups["second"].Value;
        // "Which city did…", "which city Lee visited": a function word or a name after the noun is not part of it.
        var partOfTheNoun = second.Length > 0 && !char.IsUpper(second[0]) && !NotANoun().IsMatch(second);
        return partOfTheNoun ? [second, first] : [first];
    }

    /// <summary>Where in <paramref name="sentence"/> the kind of thing the question asks for stands (a date for "when").</summary>
    public static IEnumerable<int> Positions(QuestionKind kind, string sentence) => Matches(kind, sentence).Select(m => m.Index);

    /// <summary>The things of the asked kind in <paramref name="sentence"/>, with where each stands.</summary>
    public static IEnumerable<(int Index, string Text)> Matches(QuestionKind kind, string sentence)
    {
        var pattern = kind switch
        {
            QuestionKind.When => DateLike(),
            QuestionKind.Weekday => WeekdayName(),
            QuestionKind.Month => MonthName(),
            QuestionKind.Year => YearNumber(),
            QuestionKind.Where => PlaceLike(),
            QuestionKind.Money => Sum(),
            QuestionKind.Quantity => Number(),
            QuestionKind.Who => PersonLike(),
            QuestionKind.Why => ReasonLike(),
            _ => null,
        };
        return pattern is null ? [] : pattern.Matches(sentence).Select(m => (m.Index, m.Value));
    }

    [GeneratedRegex(@"\b(which|what)\s+(kind|sort|type|form)\s+of\s+(?<noun>\p{L}+)", RegexOptions.IgnoreCase)]
    private static partial Regex KindOf();

    [GeneratedRegex(@"\b(which|what)\s+(?<first>[\p{L}’'-]+)(\s+(?<second>[\p{L}-]+))?", RegexOptions.IgnoreCase)]
    private static partial Regex WhichNoun();

    /// <summary>Words that follow "which city" without being part of its name: "which city did…", "which city will…".</summary>
    [GeneratedRegex(@"^(is|are|was|were|will|would|can|could|do|does|did|had|has|have|should|may|might|must|the|a|an|of|in|on|at|to|for|by|he|she|it|they|we|you|i)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotANoun();

    [GeneratedRegex(@"\b(day of the week|weekday|which day|what day)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayQuestion();

    [GeneratedRegex(@"\b(which|what|in what) month\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthQuestion();

    [GeneratedRegex(@"\b(which|what|in what) years?\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearQuestion();

    [GeneratedRegex(@"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex WeekdayName();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex MonthName();

    [GeneratedRegex(@"\b(1[5-9]|20)\d\d\b")]
    private static partial Regex YearNumber();

    [GeneratedRegex(@"\b(when|what (date|day|year|month|time)|which (date|day|year|month)|how long ago|how soon|dates|the date|same (date|day))\b", RegexOptions.IgnoreCase)]
    private static partial Regex When();

    [GeneratedRegex(@"\b(where|(which|what)( \w+)? (city|country|place|venue|location|capital|building|gathering|summit|event|forum))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Where();

    [GeneratedRegex(@"\b(how (many|much|large|big|high|low|long)|(what|which)( \w+){0,2} (percentage|percent|share|number|amount|rate|level|size|sum|figure|value|cost|price))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\b(who|whom|whose|(which|what) (leader|official|person|president|spokesperson|politician|outlet|people))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Who();

    [GeneratedRegex(@"\b(why|what (for|reason|purpose|motivated|drove|prompted)|how come)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Why();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(19|20)\d\d|last (week|month|year)|next (week|month)|days? (before|after)|yesterday|today|tomorrow)\b")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\b(in|at|to|from|into|near|outside)\s+(the\s+)?(\p{Lu}\w+|prime minister’s|prime minister's|premier’s|premier's|residence|house|capital)")]
    private static partial Regex PlaceLike();

    [GeneratedRegex(@"\b(how much|what (size|value|amount|sum)|how (big|large))\b.*\b(money|invest\w*|pay\w*|spen[dt]\w*|cost\w*|price|worth|dollars?|fund\w*|purchase\w*|buy\w*|deal)\b|\bin dollars\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyQuestion();

    [GeneratedRegex(@"[$€£¥]\s?\d|\b\d[\d,.]*\s*(billion|million|trillion)\b|\b\d[\d,.]*\s*(dollars|euros|yen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sum();

    /// <summary>Digits or a counted amount; not "two", which in news copy is mostly "the two men".</summary>
    [GeneratedRegex(@"\d|\b(dozens|hundreds|thousands|millions|billions)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"\p{Lu}[\p{Ll}’']+(\s+\p{Lu}[\p{Ll}\-]+)+")]
    private static partial Regex PersonLike();

    [GeneratedRegex(@"\b(because|since|so that|in order to|to (counter|strengthen|deepen|ensure|promote|deal|offset|navigate|reinforce|shore)|aims? to|amid|due to|after|concerns?|worried|need each other|rely|dependent|importance)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonLike();
}
