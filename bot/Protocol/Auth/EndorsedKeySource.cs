using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace SummitBot.Protocol.Auth;

/// <summary>
/// One issuer's signing keys, fetched from its OpenID metadata and cached by IdentityModel's ConfigurationManager:
/// refreshed every 12 hours, and at once (at most every 5 minutes) when a token names a key id it does not know,
/// which is how a key rotation shows up. The refresh on an unknown key id serves the request that saw the new key
/// only with IdentityModel's UpdateConfigAsBlocking switch on (set in SummitBot.csproj); without it IdentityModel 8
/// refreshes in the background and only later requests would benefit.
/// </summary>
internal sealed class EndorsedKeySource
{
    private static readonly JsonWebTokenHandler Handler = new();
    private readonly ConfigurationManager<EndorsedKeys> _keys;

    public EndorsedKeySource(string metadataUrl, HttpClient httpClient)
    {
        var documents = new HttpDocumentRetriever(httpClient) { RequireHttps = SecureUrl.RequiresHttps(metadataUrl) };
        _keys = new ConfigurationManager<EndorsedKeys>(metadataUrl, new EndorsedKeysRetriever(), documents)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
    }

    /// <summary>Validates the token against these keys; on an unknown key id, refreshes the keys and tries once more.</summary>
    /// <returns>The validation result and the keys it was checked against (for their endorsements).</returns>
    /// <exception cref="InvalidOperationException">The metadata or keys could not be fetched and none are cached.</exception>
    public async Task<(TokenValidationResult Result, EndorsedKeys Keys)> ValidateAsync(string token, TokenValidationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var keys = await _keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var result = await ValidateWithAsync(keys).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            _keys.RequestRefresh();
            keys = await _keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            result = await ValidateWithAsync(keys).ConfigureAwait(false);
        }

        return (result, keys);

        Task<TokenValidationResult> ValidateWithAsync(EndorsedKeys current)
        {
            var withKeys = parameters.Clone();
            withKeys.IssuerSigningKeys = current.Keys;
            return Handler.ValidateTokenAsync(token, withKeys);
        }
    }
}
