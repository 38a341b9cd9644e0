using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SummitBot.Protocol.Auth;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>Tokens shaped like the Bot Connector's and the Emulator's, signed with keys the test made.</summary>
internal static class TestTokens
{
    public const string AppId = "3f0c4b7e-8d1a-4c52-9e7b-6a2f1d0c9b84";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string BotFrameworkTenantIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A valid channel token for <see cref="AppId"/> and <see cref="ServiceUrl"/>, unless <paramref name="change"/> says otherwise.</summary>
    public static string Channel(TestSigningKey key, Action<SecurityTokenDescriptor>? change = null)
    {
        var descriptor = Descriptor(key, BotAuthOptions.ChannelIssuer);
        descriptor.Claims["serviceurl"] = ServiceUrl;
        change?.Invoke(descriptor);
        return Handler.CreateToken(descriptor);
    }

    /// <summary>A valid Emulator token: version 1.0 names the app in appid, 2.0 in azp.</summary>
    public static string Emulator(TestSigningKey key, string? version, string claimedAppId = AppId, string issuer = BotFrameworkTenantIssuer)
    {
        var descriptor = Descriptor(key, issuer);
        if (version is not null)
        {
            descriptor.Claims["ver"] = version;
        }

        descriptor.Claims[version == "2.0" ? "azp" : "appid"] = claimedAppId;
        return Handler.CreateToken(descriptor);
    }

    public static string Bearer(string token) => "Bearer " + token;

    private static SecurityTokenDescriptor Descriptor(TestSigningKey key, string issuer)
    {
        var now = DateTime.UtcNow;
        return new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object>(),
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        };
    }
}
