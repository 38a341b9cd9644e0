namespace SummitBot.Retrieval.Text;

/// <summary>Words that carry no topic: question scaffolding, pronouns, auxiliaries and the like.</summary>
public static class StopWords
{
    private static readonly HashSet<string> All = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "as", "of", "in", "on", "at",
        "to", "for", "from", "by", "with", "about", "into", "onto", "over", "under", "after", "before", "during",
        "between", "through", "across", "against", "among", "amongst", "toward", "towards", "upon", "within", "without",
        "beyond", "behind", "via", "per", "up", "down", "out", "off", "again", "also", "too", "very", "just", "only", "any",
        "some", "all", "each", "every", "both", "either", "neither", "such", "own", "same", "other", "another",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "done", "have", "has",
        "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought",
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she",
        "her", "hers", "it", "its", "they", "them", "their", "theirs", "this", "that", "these", "those", "there",
        "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whether", "not", "no",
        "yes", "please", "tell", "know", "say", "said", "says", "according", "article", "articles", "news", "report",
        "reports", "reported", "story", "mention", "mentioned", "anything", "something", "thing", "things", "much",
        "many", "kind", "sort", "like", "get", "got", "give", "given", "explain", "describe", "exactly", "actually",
        "really", "still", "ever", "ago", "now", "well", "while", "whilst", "s", "t", "d", "ll", "re", "ve",
        // Words that name the kind of answer wanted, not the topic: "what percentage", "which year", "the reason".
        "percentage", "proportion", "amount", "figure", "date", "dates", "year", "month", "place", "location", "reason",
        "reasons", "purpose", "name", "named", "happen", "happened", "happening", "happens", "occur", "occurred",
        "city", "town", "country", "weekday", "level", "rate", "value", "size",
        "number", "sum", "type", "form", "else", "apart", "besides", "already", "roughly", "around",
        // Everyday verbs that carry the question's grammar rather than its topic ("hold talks", "take place").
        "hold", "holds", "held", "take", "takes", "took", "taken", "taking", "make", "makes", "made", "making",
        "come", "comes", "came", "coming", "go", "goes", "went", "going", "gone", "become", "becomes", "became",
        "bring", "brings", "brought", "put", "puts", "keep", "keeps", "kept", "let", "lets", "seem", "seems",
        "want", "wants", "wanted", "need", "needs", "think", "thinks", "thought", "see", "sees", "saw", "seen",
        "look", "looks", "find", "found", "use", "used", "try", "tried", "matter", "matters", "mean", "means",
    };

    public static bool Contains(string word) => All.Contains(word);
}
