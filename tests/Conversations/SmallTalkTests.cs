using SummitBot.Conversations;

namespace SummitBot.Tests.Conversations;

public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("hello", SmallTalkKind.Greeting)]
    [InlineData("Hi there!", SmallTalkKind.Greeting)]
    [InlineData("GOOD EVENING.", SmallTalkKind.Greeting)]
    [InlineData("thx", SmallTalkKind.Thanks)]
    [InlineData("Thank you, bot", SmallTalkKind.Thanks)]
    [InlineData("ok, thanks 👍", SmallTalkKind.Thanks)]
    public void AGreetingOrThanksOnItsOwn_IsRecognised(string text, SmallTalkKind expected)
    {
        Assert.True(SmallTalk.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("Hi, where did Lee and Ishiba meet?")]
    [InlineData("thanks to whom did the talks go well?")]
    [InlineData("there")]
    [InlineData("")]
    public void AnythingMore_IsAQuestion(string text) => Assert.False(SmallTalk.TryParse(text, out _));

    [Fact]
    public void Data_WithALineOfNoKnownKind_IsRejectedWithTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => SmallTalk.Parse("greeting: hi\nfarewell: bye"));

        Assert.Contains("farewell: bye", error.Message, StringComparison.Ordinal);
    }
}
