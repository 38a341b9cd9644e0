using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace SummitBot.Retrieval.Analysis;

/// <summary>
/// Inflected forms no suffix rule reaches ("led" of lead, "met" of meet, "children" of child), from WordNet's
/// exception lists (verb.exc, noun.exc). Read from WordNet when the index is built and stored beside it, so
/// the bot reads a small file at start, not the lexicon.
/// </summary>
public sealed class IrregularForms
{
    /// <summary>The exception lists read: verbs and nouns. adj.exc would fold "best" into "good", which a question tells apart.</summary>
    private static readonly string[] ExceptionFiles = ["verb.exc", "noun.exc"];

    private readonly SortedDictionary<string, string> lemmas;

    private IrregularForms(SortedDictionary<string, string> lemmas) => this.lemmas = lemmas;

    public static IrregularForms None { get; } = new(new SortedDictionary<string, string>(StringComparer.Ordinal));

    public int Count => lemmas.Count;

    /// <summary>The lemma of an irregular form (lower case), or the word itself.</summary>
    public string LemmaOf(string word) => lemmas.GetValueOrDefault(word, word);

    /// <summary>True when the WordNet folder holds the exception lists.</summary>
    public static bool ArePresent(string wordNetFolder) => ExceptionFiles.All(f => File.Exists(Path.Combine(wordNetFolder, f)));

    /// <summary>The single-word forms of WordNet's exception lists; a form with two lemmas keeps the first.</summary>
    public static IrregularForms FromWordNet(string wordNetFolder) =>
        Parse(ExceptionFiles.SelectMany(f => File.ReadLines(Path.Combine(wordNetFolder, f))));

    /// <summary>Lines of "form lemma [lemma …]"; anything else (phrases, blank lines) is skipped.</summary>
    public static IrregularForms Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var lemmas = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields[0] != fields[1] && fields.Take(2).All(f => f.All(char.IsLetter)))
            {
                lemmas.TryAdd(fields[0], fields[1]);
            }
        }

        return new IrregularForms(lemmas);
    }

    public static IrregularForms Read(string path) => Parse(File.ReadLines(path));

    public void Write(string path) =>
        File.WriteAllLines(path, lemmas.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} {l.Value}")));

    /// <summary>Identifies the list, for the index fingerprint: other forms stem other words.</summary>
    public string Fingerprint() =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lemmas.Select(l => l.Key + " " + l.Value)))));

    internal StemmerOverrideFilter.StemmerOverrideMap? ToOverrideMap()
    {
        if (lemmas.Count == 0)
        {
            return null;
        }

        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var (form, lemma) in lemmas)
        {
            builder.Add(form, lemma);
        }

        return builder.Build();
    }
}
