using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>An RSA key made for one test run, as the token issuer holds it and as its JWKS publishes it.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(params string[] endorsements)
    {
        KeyId = Guid.NewGuid().ToString("N");
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = KeyId };
    }

    public string KeyId { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    /// <summary>The public half as a JWK, with the Bot Framework's endorsements array when it has one.</summary>
    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements.Count > 0)
        {
            jwk["endorsements"] = new JsonArray(Endorsements.Select(channel => (JsonNode?)JsonValue.Create(channel)).ToArray());
        }

        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
