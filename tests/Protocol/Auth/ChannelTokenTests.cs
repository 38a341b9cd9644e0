using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SummitBot.Protocol.Auth;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>The token matrix for channel tokens, straight against the authenticator.</summary>
public sealed class ChannelTokenTests(OpenIdFixture fixture) : IClassFixture<OpenIdFixture>
{
    private const string Teams = "msteams";

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        var result = await AuthenticateAsync(TestTokens.Channel(fixture.ChannelKey));

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Token_signed_with_another_accepted_rsa_algorithm_is_accepted(string algorithm)
    {
        var token = TestTokens.Channel(fixture.ChannelKey, d => d.SigningCredentials = new SigningCredentials(fixture.ChannelKey.SecurityKey, algorithm));

        var result = await AuthenticateAsync(token);

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task ServiceUrl_is_compared_ignoring_case()
    {
        var result = await AuthenticateAsync(TestTokens.Channel(fixture.ChannelKey), serviceUrl: TestTokens.ServiceUrl.ToUpperInvariant());

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task Token_expired_less_than_five_minutes_ago_is_accepted_as_clock_skew()
    {
        var result = await AuthenticateAsync(TokenExpiredAgo(TimeSpan.FromMinutes(2)));

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        await AssertRefusedAsync(TokenExpiredAgo(TimeSpan.FromMinutes(10)), "expired");
    }

    [Fact]
    public async Task Token_not_yet_valid_is_refused()
    {
        var token = TestTokens.Channel(fixture.ChannelKey, d => d.NotBefore = DateTime.UtcNow.AddMinutes(10));

        await AssertRefusedAsync(token, "not valid yet");
    }

    [Fact]
    public async Task Token_for_another_audience_is_refused()
    {
        var token = TestTokens.Channel(fixture.ChannelKey, d => d.Audience = "another-bot");

        await AssertRefusedAsync(token, "audience");
    }

    [Fact]
    public async Task Token_from_another_issuer_is_refused()
    {
        var token = TestTokens.Channel(fixture.ChannelKey, d => d.Issuer = "https://api.botframework.com.evil.example");

        await AssertRefusedAsync(token, "issuer");
    }

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_refused()
    {
        var token = TestTokens.Channel(fixture.ChannelKey, d => d.SigningCredentials = null);
        Assert.Equal("none", new JsonWebToken(token).Alg);

        await AssertRefusedAsync(token, "signature");
    }

    [Fact]
    public async Task Token_with_its_signature_stripped_is_refused()
    {
        var signed = TestTokens.Channel(fixture.ChannelKey);

        await AssertRefusedAsync(signed[..(signed.LastIndexOf('.') + 1)], "signature");
    }

    [Fact]
    public async Task Token_signed_by_the_right_key_with_an_algorithm_outside_RS256_RS384_RS512_is_refused()
    {
        var token = TestTokens.Channel(fixture.ChannelKey, d => d.SigningCredentials = new SigningCredentials(fixture.ChannelKey.SecurityKey, SecurityAlgorithms.RsaSsaPssSha256));

        await AssertRefusedAsync(token, "signature");
    }

    [Fact]
    public async Task Token_signed_with_an_unknown_key_is_refused_after_one_refresh_of_the_keys()
    {
        using var stranger = new TestSigningKey(Teams);
        var authenticator = fixture.Authenticator();
        var downloadsBefore = fixture.Server.ChannelKeyDownloads;

        var result = await authenticator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(stranger)), Teams, TestTokens.ServiceUrl, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Contains("key not in the OpenID metadata", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, fixture.Server.ChannelKeyDownloads - downloadsBefore);
    }

    [Fact]
    public async Task Token_signed_with_a_key_not_endorsed_for_the_channel_is_refused()
    {
        await AssertRefusedAsync(TestTokens.Channel(fixture.ChannelKey), "not endorsed", channelId: "directline");
    }

    [Fact]
    public async Task Activity_without_a_channel_id_is_refused()
    {
        await AssertRefusedAsync(TestTokens.Channel(fixture.ChannelKey), "not endorsed", channelId: null);
    }

    [Fact]
    public async Task Token_for_another_service_url_is_refused()
    {
        await AssertRefusedAsync(TestTokens.Channel(fixture.ChannelKey), "serviceurl", serviceUrl: "https://smba.trafficmanager.net/amer/");
    }

    [Fact]
    public async Task Token_without_a_serviceurl_claim_is_refused()
    {
        var token = TestTokens.Channel(fixture.ChannelKey, d => d.Claims.Remove("serviceurl"));

        await AssertRefusedAsync(token, "serviceurl");
    }

    [Fact]
    public async Task Request_without_an_authorization_header_is_refused()
    {
        var result = await fixture.Authenticator().AuthenticateAsync(null, Teams, TestTokens.ServiceUrl, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Contains("no Authorization header", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", "not a Bearer token")]
    [InlineData("Bearer not-a-jwt", "not a JWT")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "malformed")]
    public async Task Header_that_carries_no_usable_token_is_refused(string header, string reason)
    {
        var result = await fixture.Authenticator().AuthenticateAsync(header, Teams, TestTokens.ServiceUrl, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_is_logged_with_its_reason_and_without_the_token()
    {
        var token = TestTokens.Channel(fixture.ChannelKey, d => d.Audience = "audience-of-the-logging-test");

        await AuthenticateAsync(token, channelId: "webchat");

        var line = Assert.Single(fixture.Logs.Lines, l => l.Message.Contains("channel webchat", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("audience is not this bot's app id", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("audience-of-the-logging-test", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], line.Message, StringComparison.Ordinal);
    }

    private string TokenExpiredAgo(TimeSpan ago) => TestTokens.Channel(fixture.ChannelKey, d =>
    {
        d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddHours(-2);
        d.Expires = DateTime.UtcNow - ago;
    });

    private Task<InboundAuthResult> AuthenticateAsync(string token, string? channelId = Teams, string? serviceUrl = TestTokens.ServiceUrl) =>
        fixture.Authenticator().AuthenticateAsync(TestTokens.Bearer(token), channelId, serviceUrl, CancellationToken.None);

    private async Task AssertRefusedAsync(string token, string reason, string? channelId = Teams, string? serviceUrl = TestTokens.ServiceUrl)
    {
        var result = await AuthenticateAsync(token, channelId, serviceUrl);

        Assert.False(result.IsAuthenticated);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }
}
