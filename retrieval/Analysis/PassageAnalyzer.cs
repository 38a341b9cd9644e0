using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace SummitBot.Retrieval.Analysis;

/// <summary>
/// The one reading of English text that the index, the query and sentence scoring all share, so a word
/// stems the same wherever it is read: Unicode word breaks (hyphenated compounds split, "Lee’s" one word),
/// possessives dropped, lower case, WordNet's irregular forms ("led" → lead, "met" → meet), then the Snowball
/// English stemmer (Porter2: measured against Porter and KStem on both suites, README "How it works").
/// Stop words stay in the stream: set phrases and alias names ("Prime Minister of Japan") need them, and
/// the concept reader drops them where a topic is wanted.
/// </summary>
public sealed class PassageAnalyzer(IrregularForms irregular) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly StemmerOverrideFilter.StemmerOverrideMap? overrides = (irregular ?? throw new ArgumentNullException(nameof(irregular))).ToOverrideMap();

    /// <summary>Without irregular forms: regular inflections only.</summary>
    public static PassageAnalyzer Plain { get; } = new(IrregularForms.None);

    public IrregularForms Irregular { get; } = irregular;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        if (overrides is not null)
        {
            stream = new StemmerOverrideFilter(stream, overrides);   // marks its words as keywords, so the stemmer leaves them
        }

        return new TokenStreamComponents(source, new SnowballFilter(stream, new EnglishStemmer()));
    }
}
