using Microsoft.AspNetCore.Hosting;
using SummitBot.Hosting;

namespace SummitBot.Tests.Hosting;

/// <summary>Where the bot listens when nothing names an address, and that a container image's port setting is kept.</summary>
public sealed class ListeningAddressTests
{
    [Fact]
    public async Task WithNoAddressConfigured_TheBotListensOnLocalhost3978()
    {
        await using var app = BotApplication.Build([]);

        Assert.Equal(BotApplication.DefaultUrl, app.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Theory]
    [InlineData("--http_ports=8080")]
    [InlineData("--https_ports=8443")]
    [InlineData("--urls=http://+:80")]
    public async Task APortOrAddressSetting_AsTheContainerImagesSetIt_IsNotOverridden(string setting)
    {
        await using var app = BotApplication.Build([setting]);

        Assert.NotEqual(BotApplication.DefaultUrl, app.Configuration[WebHostDefaults.ServerUrlsKey]);
    }
}
