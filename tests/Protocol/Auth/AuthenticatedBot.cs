using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using SummitBot.Protocol.Auth;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>
/// The real bot on 127.0.0.1 with an app id, and every service it talks to: a fake OpenID server for its
/// signing keys, a fake Entra ID (https) for its reply tokens, a fake Teams channel for its replies.
/// </summary>
public sealed class AuthenticatedBot : IAsyncLifetime, IDisposable
{
    private readonly TestSigningKey _channelKey = new("msteams", "webchat");
    private FakeOpenIdServer _openId = null!;

    /// <summary>Required with an app id: the base of the bot's citation links.</summary>
    internal const string PublicBaseUrl = "https://summitbot.example.org";

    internal TestSigningKey StrangerKey { get; } = new("msteams");

    internal RecordingAnswerStep Answers { get; } = new();

    internal FakeTokenService Tokens { get; private set; } = null!;

    internal FakeChannel Channel { get; private set; } = null!;

    internal BotHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _openId = await FakeOpenIdServer.StartAsync();
        _openId.PublishChannelKey(_channelKey);
        Tokens = await FakeTokenService.StartAsync();
        Channel = await FakeChannel.StartAsync();
        Bot = await BotHost.StartAsync(
            Answers,
            [
                $"MicrosoftAppId={TestTokens.AppId}",
                "MicrosoftAppPassword=the-client-secret",
                $"ToBotFromChannelOpenIdMetadataUrl={_openId.ChannelMetadataUrl}",
                $"ToBotFromEmulatorOpenIdMetadataUrl={_openId.EmulatorMetadataUrl}",
                $"ToChannelFromBotLoginUrlPrefix={Tokens.BaseAddress}",
                $"BotProtocol:PublicBaseUrl={PublicBaseUrl}",
            ],
            services => services.AddHttpClient(AuthServices.HttpClientName).ConfigurePrimaryHttpMessageHandler(Tokens.TrustingHandler));
    }

    /// <summary>A Teams personal-chat message addressed to the fake channel.</summary>
    internal JsonObject Activity() => Fixtures.Load("teams-personal-message", Channel);

    /// <summary>A valid channel token for this activity, unless <paramref name="change"/> says otherwise.</summary>
    internal string Token(JsonObject activity, Action<SecurityTokenDescriptor>? change = null) =>
        TestTokens.Channel(_channelKey, d =>
        {
            d.Claims["serviceurl"] = (string)activity["serviceUrl"]!;
            change?.Invoke(d);
        });

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Channel.DisposeAsync();
        await Tokens.DisposeAsync();
        await _openId.DisposeAsync();
    }

    public void Dispose()
    {
        _channelKey.Dispose();
        StrangerKey.Dispose();
    }
}
