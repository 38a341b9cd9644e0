using Microsoft.Extensions.Options;
using SummitBot.Protocol;
using SummitBot.Protocol.Auth;
using SummitBot.Protocol.Connector;
using SummitBot.Protocol.Inbound;

namespace SummitBot.Tests.Protocol.Inbound;

public sealed class ServiceUrlPatternTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/emea/")]
    [InlineData("https://smba.trafficmanager.net/teams", "https://smba.trafficmanager.net/teams/emea/")]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams")]
    [InlineData("https://smba.trafficmanager.net/", "https://SMBA.TrafficManager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/", "https://smba.trafficmanager.net:443/amer/")]
    [InlineData("https://*.botframework.com/", "https://webchat.botframework.com/")]
    [InlineData("https://*.botframework.com/", "https://europe.directline.botframework.com/v3/")]
    [InlineData("http://localhost:56150/", "http://localhost:56150/_connector")]
    public void Matches_SameSchemeHostAndPort_AtOrUnderThePath(string entry, string serviceUrl)
    {
        Assert.True(Pattern(entry).Matches(new Uri(serviceUrl)));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/", "http://smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net/", "https://smba.trafficmanager.net:8443/")]
    [InlineData("https://smba.trafficmanager.net/", "https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://smba.trafficmanager.net/", "https://evil-smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teamsx/")]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/Teams/")]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/../other/")]
    [InlineData("https://*.botframework.com/", "https://botframework.com/")]
    [InlineData("https://*.botframework.com/", "https://botframework.com.evil.example/")]
    [InlineData("https://*.botframework.com/", "https://evilbotframework.com/")]
    [InlineData("http://localhost:56150/", "http://localhost:56151/")]
    public void DoesNotMatch_AnotherSchemeHostPortOrPath(string entry, string serviceUrl)
    {
        Assert.False(Pattern(entry).Matches(new Uri(serviceUrl)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("smba.trafficmanager.net")]
    [InlineData("/teams/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("https://user@smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net/?region=emea")]
    [InlineData("https://smba.trafficmanager.net/#teams")]
    public void Parse_RefusesWhatIsNotAnHttpBaseAddress(string? entry)
    {
        Assert.Null(ServiceUrlPattern.Parse(entry));
    }

    [Theory]
    [InlineData(true, "http://localhost:3978/", true)]
    [InlineData(true, "http://127.0.0.1:3978/", true)]
    [InlineData(true, "http://[::1]:3978/", true)]
    [InlineData(true, "http://0.0.0.0:3978/", false)]
    [InlineData(true, "http://localhost.evil.example/", false)]
    [InlineData(true, "https://smba.trafficmanager.net/teams/", false)]
    [InlineData(false, "https://smba.trafficmanager.net/teams/", true)]
    public void Policy_WithNoList_AnonymousModeAllowsLoopbackOnly_AndAnAppIdLeavesItToTheToken(bool anonymous, string serviceUrl, bool allowed)
    {
        var policy = new ServiceUrlPolicy(
            Options.Create(new BotProtocolOptions()),
            Options.Create(new BotAuthOptions { MicrosoftAppId = anonymous ? null : "3f0c4b7e-8d1a-4c52-9e7b-6a2f1d0c9b84" }));

        Assert.Equal(allowed, policy.Allows(ConnectorUrls.ParseServiceUrl(serviceUrl)!));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Policy_WithAList_AllowsOnlyItsEntries_InBothModes(bool anonymous)
    {
        var protocol = new BotProtocolOptions();
        protocol.AllowedServiceUrls.Add("https://smba.trafficmanager.net/teams/");
        var policy = new ServiceUrlPolicy(
            Options.Create(protocol),
            Options.Create(new BotAuthOptions { MicrosoftAppId = anonymous ? null : "3f0c4b7e-8d1a-4c52-9e7b-6a2f1d0c9b84" }));

        Assert.True(policy.Allows(new Uri("https://smba.trafficmanager.net/teams/emea/")));
        Assert.False(policy.Allows(new Uri("https://smba.trafficmanager.net/amer/")));
        Assert.False(policy.Allows(new Uri("http://localhost:3978/")));
    }

    private static ServiceUrlPattern Pattern(string entry) => ServiceUrlPattern.Parse(entry) ?? throw new ArgumentException(entry);
}
