using SummitBot.Hosting;

namespace SummitBot.Tests.Hosting;

public sealed class LogValueTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("msteams")]
    [InlineData("https://smba.trafficmanager.net/teams/emea/")]
    public void ShortValues_AreLoggedWhole(string? value)
    {
        Assert.Equal(value, LogValue.Shorten(value));
    }

    [Fact]
    public void ALongValue_IsCut_SayingHowLongItWas()
    {
        var shortened = LogValue.Shorten(new string('x', 200_000))!;

        Assert.True(shortened.Length < 2 * LogValue.MaxLength, shortened);
        Assert.StartsWith(new string('x', LogValue.MaxLength - 1) + "…", shortened, StringComparison.Ordinal);
        Assert.EndsWith("[200,000 characters in all]", shortened, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("msteams\nfail: forged line", "msteams\\nfail: forged line")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("bell\u0007", "bell\\u0007")]
    public void ControlCharacters_AreEscaped_SoAValueStaysOnItsLine(string value, string logged)
    {
        Assert.Equal(logged, LogValue.Shorten(value));
    }
}
