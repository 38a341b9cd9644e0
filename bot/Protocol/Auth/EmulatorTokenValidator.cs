using Microsoft.IdentityModel.JsonWebTokens;

namespace SummitBot.Protocol.Auth;

/// <summary>
/// Tokens the Bot Framework Emulator gets from Microsoft Entra ID with the bot's own credentials: a known
/// Entra issuer, audience = this app id, and the requesting app (appid in v1.0 tokens, azp in v2.0) = this app id.
/// </summary>
internal sealed class EmulatorTokenValidator
{
    // The tenants whose tokens the Emulator presents: the Bot Framework's own and Microsoft services'.
    private static readonly string[] KnownTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    private readonly EndorsedKeySource _keys;
    private readonly string? _appId;

    public EmulatorTokenValidator(EndorsedKeySource keys, BotAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        _appId = options.MicrosoftAppId;
        Issuers = IssuersFor(options);
    }

    /// <summary>The issuers that mark a token as the Emulator's (the authenticator routes on them).</summary>
    public IReadOnlySet<string> Issuers { get; }

    public async Task<InboundAuthResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var parameters = BotTokenRules.Parameters(Issuers, _appId);
        var (result, _) = await _keys.ValidateAsync(token, parameters, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return InboundAuthResult.Refused(BotTokenRules.Describe(result.Exception));
        }

        var validated = (JsonWebToken)result.SecurityToken;
        if (!validated.TryGetPayloadValue<string>("ver", out var version))
        {
            return InboundAuthResult.Refused("the Emulator token has no 'ver' claim");
        }

        var appIdClaim = version switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appIdClaim is null)
        {
            return InboundAuthResult.Refused($"the Emulator token has an unknown version '{version}'");
        }

        return validated.TryGetPayloadValue<string>(appIdClaim, out var tokenAppId)
            && string.Equals(tokenAppId, _appId, StringComparison.OrdinalIgnoreCase)
                ? InboundAuthResult.Allowed
                : InboundAuthResult.Refused($"the Emulator token's '{appIdClaim}' claim is not this bot's app id");
    }

    private static HashSet<string> IssuersFor(BotAuthOptions options)
    {
        var tenants = KnownTenants.ToList();
        if (options.AppType == BotAppType.SingleTenant && !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            tenants.Add(options.MicrosoftAppTenantId);
        }

        return tenants
            .SelectMany(tenant => new[] { $"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0" })
            .ToHashSet(StringComparer.Ordinal);
    }
}
