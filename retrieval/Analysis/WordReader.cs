using Lucene.Net.Analysis.TokenAttributes;

namespace SummitBot.Retrieval.Analysis;

/// <summary>A word of some text as written, where it stands, and its stem as <see cref="PassageAnalyzer"/> reads it.</summary>
public readonly record struct Word(string Text, int Index, string Stem)
{
    public bool IsCapitalized => char.IsUpper(Text[0]);
}

/// <summary>Reads text into <see cref="Word"/>s through a Lucene analyzer: the same tokens the index holds.</summary>
public sealed class WordReader(PassageAnalyzer analyzer)
{
    /// <summary>The field name handed to the analyzer; <see cref="PassageAnalyzer"/> reads every field alike.</summary>
    public const string Field = "text";

    /// <summary>Words past this many are ignored: a question is short, and 100 KB of pasted text must stay cheap.</summary>
    public const int MaxWords = 2_000;

    public static WordReader Plain { get; } = new(PassageAnalyzer.Plain);

    public PassageAnalyzer Analyzer { get; } = analyzer;

    public IReadOnlyList<Word> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<Word>();
        using var stream = Analyzer.GetTokenStream(Field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (words.Count < MaxWords && stream.IncrementToken())
        {
            words.Add(new Word(text[offset.StartOffset..offset.EndOffset], offset.StartOffset, term.ToString()));
        }

        stream.End();
        return words;
    }
}
