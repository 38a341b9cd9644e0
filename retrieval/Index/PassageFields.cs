using System.Globalization;
using Lucene.Net.Documents;
using SummitBot.Retrieval.Analysis;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Retrieval.Index;

/// <summary>How a <see cref="Passage"/> is stored as a Lucene document: its text searched, the rest only kept.</summary>
internal static class PassageFields
{
    public const string Text = WordReader.Field;
    private const string ArticleId = "article";
    private const string Ordinal = "ordinal";
    private const string Start = "start";
    private const string Length = "length";

    /// <summary>The passage's concept keys, space-separated: read once at build, not again for every question.</summary>
    private const string Concepts = "concepts";

    public static Document Document(Passage passage, IEnumerable<string> concepts) =>
    [
        new StringField(ArticleId, passage.ArticleId, Field.Store.YES),
        new StoredField(Ordinal, passage.Ordinal),
        new StoredField(Start, passage.Start),
        new StoredField(Length, passage.Length),
        new TextField(Text, passage.Text, Field.Store.YES),
        new StoredField(Concepts, string.Join(' ', concepts)),
    ];

    public static (Passage Passage, HashSet<string> Concepts) Read(Document document) => (
        new Passage(
            document.Get(ArticleId, CultureInfo.InvariantCulture),
            document.GetField(Ordinal).GetInt32Value()!.Value,
            document.GetField(Start).GetInt32Value()!.Value,
            document.GetField(Length).GetInt32Value()!.Value,
            document.Get(Text, CultureInfo.InvariantCulture)),
        [.. document.Get(Concepts, CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
}
