using SummitBot.Hosting;

namespace SummitBot.Tests.Hosting;

public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:3978", "http://localhost:3978/")]
    [InlineData("http://[::]:3978", "http://localhost:3978/")]
    [InlineData("http://0.0.0.0:80", "http://localhost/")]
    [InlineData("http://+:8080", "http://localhost:8080/")]
    [InlineData("http://*:8080", "http://localhost:8080/")]
    [InlineData("https://[::1]:5001", "https://[::1]:5001/")]
    public void AWildcardListeningHost_IsReachedAsLocalhost(string listening, string expected)
    {
        Assert.Equal(expected, PublicAddress.FromListening([listening]).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://localhost:5001", "http://localhost:5000", "http://localhost:5000/")]
    [InlineData("https://10.0.0.5:443", "https://localhost:5001", "https://localhost:5001/")]
    [InlineData("http://10.0.0.5:80", "http://[::]:8080", "http://localhost:8080/")]
    public void OfSeveralAddresses_HttpOnLocalhostIsPreferred(string first, string second, string expected)
    {
        Assert.Equal(expected, PublicAddress.FromListening([first, second]).AbsoluteUri);
    }

    [Fact]
    public void NoAddressAtAll_IsLocalhost()
    {
        Assert.Equal("http://localhost/", PublicAddress.FromListening([]).AbsoluteUri);
    }
}
