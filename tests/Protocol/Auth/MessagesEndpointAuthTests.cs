using System.Net;
using Microsoft.IdentityModel.Tokens;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>
/// The token matrix over HTTP on /api/messages: every refused request gets 401 and reaches neither the answer
/// step, nor the token service, nor the channel (so one bot serves all the cases).
/// </summary>
public sealed class MessagesEndpointAuthTests(AuthenticatedBot bot) : IClassFixture<AuthenticatedBot>
{
    [Theory]
    [InlineData("expired")]
    [InlineData("not yet valid")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("unsigned")]
    [InlineData("unknown key")]
    [InlineData("not endorsed for the channel")]
    [InlineData("serviceurl mismatch")]
    [InlineData("missing header")]
    public async Task Refused_token_gets_401_and_nothing_is_processed(string variant)
    {
        var activity = bot.Activity();
        var token = variant switch
        {
            "expired" => bot.Token(activity, d => (d.IssuedAt, d.NotBefore, d.Expires) = (DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddMinutes(-10))),
            "not yet valid" => bot.Token(activity, d => d.NotBefore = DateTime.UtcNow.AddMinutes(10)),
            "wrong audience" => bot.Token(activity, d => d.Audience = "another-bot"),
            "wrong issuer" => bot.Token(activity, d => d.Issuer = "https://sts.example.org/"),
            "unsigned" => bot.Token(activity, d => d.SigningCredentials = null),
            "unknown key" => bot.Token(activity, d => d.SigningCredentials = new SigningCredentials(bot.StrangerKey.SecurityKey, SecurityAlgorithms.RsaSha256)),
            "not endorsed for the channel" => bot.Token(activity),
            "serviceurl mismatch" => bot.Token(activity, d => d.Claims["serviceurl"] = "https://smba.trafficmanager.net/amer/"),
            "missing header" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        if (variant == "not endorsed for the channel")
        {
            // The channel key is endorsed for msteams and webchat only.
            activity = activity.With("channelId", "directline");
        }

        var response = await bot.Bot.PostActivityAsync(activity, token is null ? null : TestTokens.Bearer(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Answers.Calls);
        Assert.Empty(bot.Tokens.Requests);
        Assert.Empty(bot.Channel.Posted);
    }
}

/// <summary>The one token that should pass does, end to end: processed, answered, the reply signed by MSAL.</summary>
public sealed class MessagesEndpointValidTokenTests(AuthenticatedBot bot) : IClassFixture<AuthenticatedBot>
{
    [Fact]
    public async Task Valid_token_is_processed_and_the_reply_carries_a_client_credentials_token()
    {
        var activity = bot.Activity();

        var response = await bot.Bot.PostActivityAsync(activity, TestTokens.Bearer(bot.Token(activity)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.Channel.WaitForMessageAsync();
        Assert.All(bot.Channel.Posted, posted => Assert.Equal("Bearer token-1", posted.Authorization));
        Assert.Single(bot.Answers.Calls);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", Assert.Single(bot.Tokens.Requests).Path);
    }
}
