using Microsoft.Extensions.Options;
using SummitBot.Protocol.Auth;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>
/// One fake metadata server per test class, publishing a channel key endorsed for Teams and Web Chat and an
/// Emulator key; each test builds its own authenticator, so key caches never leak between tests.
/// </summary>
public sealed class OpenIdFixture : IAsyncLifetime
{
    internal TestSigningKey ChannelKey { get; } = new("msteams", "webchat");

    internal TestSigningKey EmulatorKey { get; } = new();

    internal FakeOpenIdServer Server { get; private set; } = null!;

    internal CapturingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await FakeOpenIdServer.StartAsync();
        Server.PublishChannelKey(ChannelKey);
        Server.PublishEmulatorKey(EmulatorKey);
    }

    internal BotFrameworkAuthenticator Authenticator(string? appId = TestTokens.AppId, string appType = "MultiTenant", string? tenantId = null) =>
        new(Options.Create(Settings(Server, appId, appType, tenantId)), new TestHttpClientFactory(), Logs.CreateLogger<BotFrameworkAuthenticator>());

    internal static BotAuthOptions Settings(FakeOpenIdServer server, string? appId, string appType = "MultiTenant", string? tenantId = null) => new()
    {
        MicrosoftAppType = appType,
        MicrosoftAppId = appId,
        MicrosoftAppPassword = appId is null ? null : "not-used-inbound",
        MicrosoftAppTenantId = tenantId,
        ToBotFromChannelOpenIdMetadataUrl = server.ChannelMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl = server.EmulatorMetadataUrl,
    };

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        ChannelKey.Dispose();
        EmulatorKey.Dispose();
    }
}
