using Microsoft.Extensions.Options;
using SummitBot.Protocol.Auth;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>Outbound tokens through MSAL, against a local https token endpoint.</summary>
public sealed class MsalTokenProviderTests : IClassFixture<MsalTokenProviderTests.TokenServiceFixture>
{
    private readonly FakeTokenService _tokens;

    public MsalTokenProviderTests(TokenServiceFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _tokens = fixture.Tokens;
        _tokens.Reset();
    }

    [Fact]
    public async Task GetToken_MultiTenant_AsksTheBotFrameworkTenantForTheConnectorScopeWithClientCredentials()
    {
        var provider = Provider("MultiTenant", tenantId: "ignored-for-multi-tenant");

        var token = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal("token-1", token);
        var (path, form) = Assert.Single(_tokens.Requests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", path);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TestTokens.AppId, form["client_id"]);
        Assert.Equal("the-client-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task GetToken_SingleTenant_AsksTheAppsTenant()
    {
        var provider = Provider("SingleTenant", tenantId: "contoso.onmicrosoft.com");

        await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal("/contoso.onmicrosoft.com/oauth2/v2.0/token", Assert.Single(_tokens.Requests).Path);
    }

    [Fact]
    public async Task GetToken_Again_ServesTheCachedToken()
    {
        var provider = Provider("MultiTenant");

        var first = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);
        var second = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(_tokens.Requests);
    }

    [Fact]
    public async Task GetToken_ForceRefresh_FetchesANewToken()
    {
        var provider = Provider("MultiTenant");

        await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);
        var refreshed = await provider.GetTokenAsync(forceRefresh: true, CancellationToken.None);

        Assert.Equal("token-2", refreshed);
        Assert.Equal(2, _tokens.Requests.Count);
    }

    [Fact]
    public async Task GetToken_CachedTokenWithinFiveMinutesOfExpiry_IsRefreshedBeforeItExpires()
    {
        _tokens.ExpiresInSeconds = 240;
        var provider = Provider("MultiTenant");

        await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);
        var next = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal("token-2", next);
    }

    [Fact]
    public async Task GetToken_NoAppId_ReturnsNullWithoutAnyRequest()
    {
        var provider = Provider("MultiTenant", appId: null);

        Assert.Null(await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None));
        Assert.Empty(_tokens.Requests);
    }

    private MsalTokenProvider Provider(string appType, string? tenantId = null, string? appId = TestTokens.AppId) => new(
        Options.Create(new BotAuthOptions
        {
            MicrosoftAppType = appType,
            MicrosoftAppId = appId,
            MicrosoftAppPassword = "the-client-secret",
            MicrosoftAppTenantId = tenantId,
            ToChannelFromBotLoginUrlPrefix = _tokens.BaseAddress.ToString(),
        }),
        _tokens.Clients);

    /// <summary>One token service (and its certificate) for the class; each test starts from a reset.</summary>
    public sealed class TokenServiceFixture : IAsyncLifetime
    {
        internal FakeTokenService Tokens { get; private set; } = null!;

        public async Task InitializeAsync() => Tokens = await FakeTokenService.StartAsync();

        public async Task DisposeAsync() => await Tokens.DisposeAsync();
    }
}
