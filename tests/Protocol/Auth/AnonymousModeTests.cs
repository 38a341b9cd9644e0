namespace SummitBot.Tests.Protocol.Auth;

/// <summary>With no app id: requests without a token pass, and any Authorization header is refused without fetching a key.</summary>
public sealed class AnonymousModeTests(OpenIdFixture fixture) : IClassFixture<OpenIdFixture>
{
    [Fact]
    public async Task Request_without_an_authorization_header_is_accepted()
    {
        var result = await fixture.Authenticator(appId: null).AuthenticateAsync(null, "msteams", "http://localhost:56150/_connector", CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task Request_with_a_well_signed_token_is_refused_without_fetching_the_signing_keys()
    {
        var token = TestTokens.Channel(fixture.ChannelKey);
        var requestsBefore = fixture.Server.Requests;

        var result = await fixture.Authenticator(appId: null).AuthenticateAsync(TestTokens.Bearer(token), "msteams", TestTokens.ServiceUrl, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Contains("MicrosoftAppId", result.Reason, StringComparison.Ordinal);
        Assert.Equal(requestsBefore, fixture.Server.Requests);
    }

    [Fact]
    public async Task Request_with_a_header_that_is_not_a_token_is_refused()
    {
        var result = await fixture.Authenticator(appId: null).AuthenticateAsync("Bearer ", "msteams", TestTokens.ServiceUrl, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
    }
}
