using SummitBot.Protocol.Connector;

namespace SummitBot.Tests.Protocol.Connector;

public sealed class ConnectorUrlsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1xyz/activities/1712")]
    [InlineData("https://smba.trafficmanager.net/emea", "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1xyz/activities/1712")]
    [InlineData("http://localhost:56789", "http://localhost:56789/v3/conversations/a%3A1xyz/activities/1712")]
    [InlineData("http://localhost:56789/_connector", "http://localhost:56789/_connector/v3/conversations/a%3A1xyz/activities/1712")]
    public void Activities_AppendsThePathToTheServiceUrl_WithOrWithoutItsTrailingSlash(string serviceUrl, string expected)
    {
        Assert.Equal(expected, ConnectorUrls.Activities(new Uri(serviceUrl), "a:1xyz", "1712").AbsoluteUri);
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1712", "f:99", "19%3Aabc%40thread.tacv2%3Bmessageid%3D1712/activities/f%3A99")]
    [InlineData("3c2f1a90|livechat", "id/with/slashes", "3c2f1a90%7Clivechat/activities/id%2Fwith%2Fslashes")]
    [InlineData("conv id?#", null, "conv%20id%3F%23/activities")]
    public void Activities_EscapesTheConversationAndActivityIds(string conversationId, string? replyToId, string expectedTail)
    {
        var url = ConnectorUrls.Activities(new Uri("https://channel.example/"), conversationId, replyToId);

        Assert.Equal("https://channel.example/v3/conversations/" + expectedTail, url.AbsoluteUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative/path")]
    [InlineData("ftp://channel.example/")]
    [InlineData("file:///etc/passwd")]
    public void ParseServiceUrl_RefusesAnythingButAnAbsoluteHttpAddress(string? serviceUrl)
    {
        Assert.Null(ConnectorUrls.ParseServiceUrl(serviceUrl));
    }
}
