namespace SummitBot.Retrieval.Text;

/// <summary>Past forms no suffix rule reaches, so "led" meets "leader" and "won" meets "win".</summary>
public static class IrregularForms
{
    private static readonly Dictionary<string, string> Forms = new(StringComparer.Ordinal)
    {
        ["led"] = "lead", ["met"] = "meet", ["won"] = "win", ["began"] = "begin", ["begun"] = "begin",
        ["brought"] = "bring", ["sought"] = "seek", ["fought"] = "fight", ["thought"] = "think", ["gave"] = "give",
        ["given"] = "give", ["told"] = "tell", ["felt"] = "feel", ["kept"] = "keep", ["spoke"] = "speak",
        ["spoken"] = "speak", ["chose"] = "choose", ["chosen"] = "choose", ["wrote"] = "write", ["written"] = "write",
        ["rose"] = "rise", ["risen"] = "rise", ["grew"] = "grow", ["grown"] = "grow", ["knew"] = "know",
        ["known"] = "know", ["struck"] = "strike", ["sent"] = "send", ["spent"] = "spend", ["built"] = "build",
        ["paid"] = "pay", ["stood"] = "stand", ["understood"] = "understand", ["ran"] = "run", ["sat"] = "sit",
        ["flew"] = "fly", ["flown"] = "fly", ["drew"] = "draw", ["drawn"] = "draw", ["fell"] = "fall", ["fallen"] = "fall",
        ["sold"] = "sell", ["bought"] = "buy", ["caught"] = "catch", ["taught"] = "teach", ["held"] = "hold",
        ["found"] = "find", ["lost"] = "lose", ["meant"] = "mean", ["broke"] = "break", ["broken"] = "break",
        ["drove"] = "drive", ["driven"] = "drive", ["shook"] = "shake", ["shaken"] = "shake",
    };

    /// <summary>The present form of an irregular past (lower case), or the word itself.</summary>
    public static string Present(string word) => Forms.GetValueOrDefault(word, word);
}
