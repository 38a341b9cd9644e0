using SummitBot.Retrieval.Search;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Retrieval.Search;

public sealed class ExcerptHighlighterTests
{
    private const string Long =
        "In a wide-ranging meeting that touched on history, security, shipping lanes, regional diplomacy and the " +
        "economy, the two leaders also agreed to expand cooperation on hydrogen and artificial intelligence, officials said after the talks ended.";

    [Fact]
    public void TextThatFits_IsShownWhole()
    {
        var engine = TestEngine.Load();

        Assert.Equal("Lee met Ishiba.", ExcerptHighlighter.Excerpt("Lee met Ishiba.", engine.Query("hydrogen"), engine.Analyzer, 240));
    }

    [Fact]
    public void LongText_IsCutAroundWhatWasAsked_WithinTheLength()
    {
        var engine = TestEngine.Load();

        var excerpt = ExcerptHighlighter.Excerpt(Long, engine.Query("What about hydrogen?"), engine.Analyzer, 80);

        Assert.Contains("hydrogen", excerpt, StringComparison.Ordinal);
        Assert.StartsWith("…", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= 80, excerpt);
        Assert.Contains(excerpt.Trim('…'), Long, StringComparison.Ordinal);
    }

    [Fact]
    public void LongText_WithNothingAsked_IsCutAtAWord()
    {
        var engine = TestEngine.Load();

        var excerpt = ExcerptHighlighter.Excerpt(Long, engine.Query("the and of"), engine.Analyzer, 80);

        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.StartsWith(excerpt.TrimEnd('…'), Long, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= 80, excerpt);
    }
}
