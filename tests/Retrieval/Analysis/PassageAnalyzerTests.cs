using SummitBot.Retrieval.Analysis;

namespace SummitBot.Tests.Retrieval.Analysis;

/// <summary>The one reading of text the index, the query and sentence scoring share.</summary>
public sealed class PassageAnalyzerTests
{
    private static readonly WordReader Words = new(new PassageAnalyzer(IrregularForms.Parse(["led lead", "met meet", "ties tie"])));

    [Theory]
    [InlineData("cooperate", "cooperation")]
    [InlineData("relate", "relations")]
    [InlineData("led", "lead")]
    [InlineData("met", "meet")]
    [InlineData("ties", "tied")]
    [InlineData("meeting", "meetings")]
    [InlineData("Lee’s", "Lee")]
    [InlineData("Lee's", "LEE")]
    public void Forms_OfOneWord_ShareAStem(string one, string other) =>
        Assert.Equal(Stem(one), Stem(other));

    [Theory]
    [InlineData("threat", "three")]
    [InlineData("news", "new")]
    [InlineData("lead", "leader")]
    public void DifferentWords_KeepDifferentStems(string one, string other) =>
        Assert.NotEqual(Stem(one), Stem(other));

    [Fact]
    public void Words_KeepTheirTextAndOffset_AndSplitHyphenatedCompounds()
    {
        var words = Words.Of("Kang Yu-jung met Lee’s team.");

        Assert.Equal(["Kang", "Yu", "jung", "met", "Lee’s", "team"], words.Select(w => w.Text));
        Assert.Equal([0, 5, 8, 13, 17, 23], words.Select(w => w.Index));
        Assert.Equal("meet", words[3].Stem);
    }

    [Fact]
    public void IrregularForms_SkipPhrasesAndIdentities_AndRoundTripThroughAFile()
    {
        var forms = IrregularForms.Parse(["led lead", "called_off call_off", "same same", "", "saw see saw"]);
        var path = Path.GetTempFileName();
        try
        {
            forms.Write(path);
            var read = IrregularForms.Read(path);

            Assert.Equal(2, read.Count);
            Assert.Equal("see", read.LemmaOf("saw"));
            Assert.Equal(forms.Fingerprint(), read.Fingerprint());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AHundredKilobytes_AreReadUpToTheWordLimit()
    {
        var text = string.Concat(Enumerable.Repeat("tariff talks ", 10_000));

        Assert.Equal(WordReader.MaxWords, Words.Of(text).Count);
    }

    private static string Stem(string word) => Words.Of(word).Single().Stem;
}
