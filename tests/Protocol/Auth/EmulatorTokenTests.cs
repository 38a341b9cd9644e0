namespace SummitBot.Tests.Protocol.Auth;

/// <summary>Emulator tokens: recognised by their Entra issuer, checked against Entra's keys and the appid/azp claim.</summary>
public sealed class EmulatorTokenTests(OpenIdFixture fixture) : IClassFixture<OpenIdFixture>
{
    [Theory]
    [InlineData("1.0", TestTokens.BotFrameworkTenantIssuer)]
    [InlineData("2.0", "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0")]
    [InlineData("1.0", "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/")]
    public async Task Valid_emulator_token_is_accepted(string version, string issuer)
    {
        var result = await AuthenticateAsync(TestTokens.Emulator(fixture.EmulatorKey, version, issuer: issuer));

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task Emulator_token_for_another_app_is_refused(string version)
    {
        var result = await AuthenticateAsync(TestTokens.Emulator(fixture.EmulatorKey, version, claimedAppId: "0d1e2f3a-0000-4000-8000-000000000000"));

        Assert.False(result.IsAuthenticated);
        Assert.Contains("not this bot's app id", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_token_without_a_version_claim_is_refused()
    {
        var result = await AuthenticateAsync(TestTokens.Emulator(fixture.EmulatorKey, version: null));

        Assert.False(result.IsAuthenticated);
        Assert.Contains("'ver'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_token_signed_with_a_channel_key_is_refused()
    {
        var result = await AuthenticateAsync(TestTokens.Emulator(fixture.ChannelKey, "1.0"));

        Assert.False(result.IsAuthenticated);
        Assert.Contains("key not in the OpenID metadata", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_from_the_apps_own_tenant_counts_as_an_emulator_token_only_for_a_single_tenant_bot()
    {
        const string tenant = "9a8b7c6d-1111-4222-8333-444455556666";
        var token = TestTokens.Emulator(fixture.EmulatorKey, "2.0", issuer: $"https://login.microsoftonline.com/{tenant}/v2.0");

        var singleTenant = await fixture.Authenticator(appType: "SingleTenant", tenantId: tenant)
            .AuthenticateAsync(TestTokens.Bearer(token), "emulator", "http://localhost:5000", CancellationToken.None);
        var multiTenant = await fixture.Authenticator(tenantId: tenant)
            .AuthenticateAsync(TestTokens.Bearer(token), "emulator", "http://localhost:5000", CancellationToken.None);

        Assert.True(singleTenant.IsAuthenticated, singleTenant.Reason);
        Assert.False(multiTenant.IsAuthenticated);
    }

    private Task<SummitBot.Protocol.Auth.InboundAuthResult> AuthenticateAsync(string token) =>
        fixture.Authenticator().AuthenticateAsync(TestTokens.Bearer(token), "emulator", "http://localhost:5000", CancellationToken.None);
}
