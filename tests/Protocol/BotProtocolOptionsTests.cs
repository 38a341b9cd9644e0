using Microsoft.Extensions.Options;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol;

/// <summary>A bad setting stops the bot at start with a message naming it, rather than failing a turn later.</summary>
public sealed class BotProtocolOptionsTests
{
    [Theory]
    [InlineData("BotProtocol:PublicBaseUrl=not-an-address", "PublicBaseUrl")]
    [InlineData("BotProtocol:PublicBaseUrl=ftp://files.example/", "PublicBaseUrl")]
    [InlineData("BotProtocol:MaxRequestBodyBytes=10", "MaxRequestBodyBytes")]
    [InlineData("BotProtocol:MaxConcurrentTurns=0", "MaxConcurrentTurns")]
    [InlineData("BotProtocol:Connector:AttemptTimeout=00:00:00.001", "AttemptTimeout")]
    [InlineData("BotProtocol:Connector:CircuitFailureRatio=2", "CircuitFailureRatio")]
    [InlineData("Conversations:MaxTurns=-1", "MaxTurns")]
    [InlineData("Conversations:MaxStoreBytes=10", "MaxStoreBytes")]
    [InlineData("BotProtocol:MaxIdLength=0", "MaxIdLength")]
    [InlineData("BotProtocol:MaxNameLength=0", "MaxNameLength")]
    [InlineData("BotProtocol:MaxServiceUrlLength=0", "MaxServiceUrlLength")]
    [InlineData("BotProtocol:AllowedServiceUrls:0=smba.trafficmanager.net", "BotProtocol:AllowedServiceUrls:0")]
    [InlineData("BotProtocol:AllowedServiceUrls:0=ftp://smba.trafficmanager.net/", "BotProtocol:AllowedServiceUrls:0")]
    [InlineData("BotProtocol:AllowedServiceUrls:0=https://user@smba.trafficmanager.net/", "BotProtocol:AllowedServiceUrls:0")]
    [InlineData("BotProtocol:AllowedServiceUrls:0=https://smba.trafficmanager.net/?x=1", "BotProtocol:AllowedServiceUrls:0")]
    public async Task InvalidSetting_StopsTheBotAtStart(string setting, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new RecordingAnswerStep(), [setting]));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
