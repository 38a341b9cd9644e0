using SummitBot.Conversations;

namespace SummitBot.Tests.Conversations;

public sealed class TextShortenerTests
{
    [Fact]
    public void ShortText_IsUnchanged()
    {
        Assert.Equal("short", TextShortener.Shorten("short", 5));
    }

    [Fact]
    public void LongText_IsCutAtAWordNearTheLimit_WithAnEllipsis()
    {
        Assert.Equal("Lee and Ishiba met in…", TextShortener.Shorten("Lee and Ishiba met in Tokyo on Saturday", 24));
    }

    [Fact]
    public void TextWithoutSpaces_IsCutExactlyAtTheLimit()
    {
        var shortened = TextShortener.Shorten(new string('x', 100), 10);

        Assert.Equal(10, shortened.Length);
        Assert.Equal("xxxxxxxxx…", shortened);
    }

    [Fact]
    public void SurrogatePairs_AreNeverSplit()
    {
        var shortened = TextShortener.Shorten("ab😀😀😀", 4);

        Assert.Equal("ab…", shortened);
    }
}
