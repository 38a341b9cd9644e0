using System.Net;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>In anonymous mode an Authorization header is refused as it is: the bot fetches no signing keys for it.</summary>
public sealed class AnonymousTokenTests : IAsyncLifetime
{
    private readonly RecordingAnswerStep answers = new();
    private FakeOpenIdServer openId = null!;
    private FakeChannel channel = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        openId = await FakeOpenIdServer.StartAsync();
        channel = await FakeChannel.StartAsync();
        bot = await BotHost.StartAsync(answers, [
            $"ToBotFromChannelOpenIdMetadataUrl={openId.ChannelMetadataUrl}",
            $"ToBotFromEmulatorOpenIdMetadataUrl={openId.EmulatorMetadataUrl}",
        ]);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("emulator")]
    [InlineData("not a token")]
    public async Task AnyAuthorizationHeader_Is401_WithoutAnyRequestForKeys(string kind)
    {
        using var key = new TestSigningKey("msteams");
        var header = kind switch
        {
            "channel" => TestTokens.Bearer(TestTokens.Channel(key)),
            "emulator" => TestTokens.Bearer(TestTokens.Emulator(key, "2.0")),
            _ => "Basic dXNlcjpwYXNz",
        };

        var response = await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, openId.Requests);
        Assert.Empty(answers.Calls);
        Assert.Empty(channel.Posted);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await channel.DisposeAsync();
        await openId.DisposeAsync();
    }
}
