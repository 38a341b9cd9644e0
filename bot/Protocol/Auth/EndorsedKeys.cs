using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SummitBot.Protocol.Auth;

/// <summary>
/// The signing keys of one JWKS document, with each key's <c>endorsements</c>: the channel ids the Bot Connector
/// vouches for with that key. The endorsements are read from the raw JSON, because IdentityModel's JsonWebKey only
/// keeps them as untyped additional data.
/// </summary>
internal sealed record EndorsedKeys(IReadOnlyList<SecurityKey> Keys, IReadOnlyDictionary<string, IReadOnlySet<string>> EndorsementsByKeyId)
{
    public static EndorsedKeys Parse(string jwksJson)
    {
        var keys = new JsonWebKeySet(jwksJson).Keys.Cast<SecurityKey>().ToList();
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwksJson);
        if (document.RootElement.TryGetProperty("keys", out var keyArray) && keyArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var key in keyArray.EnumerateArray())
            {
                if (key.ValueKind == JsonValueKind.Object
                    && key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                    && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    endorsements[kid.GetString()!] = list.EnumerateArray()
                        .Where(item => item.ValueKind == JsonValueKind.String)
                        .Select(item => item.GetString()!)
                        .ToHashSet(StringComparer.Ordinal);
                }
            }
        }

        return new EndorsedKeys(keys, endorsements);
    }

    /// <summary>Whether the key with this id lists the channel among its endorsements.</summary>
    public bool Endorses(string? keyId, string channelId) =>
        keyId is not null && EndorsementsByKeyId.TryGetValue(keyId, out var channels) && channels.Contains(channelId);
}
