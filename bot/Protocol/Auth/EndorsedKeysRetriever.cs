using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SummitBot.Protocol.Auth;

/// <summary>Reads an OpenID metadata document, then the JWKS its <c>jwks_uri</c> names, keeping the raw keys.</summary>
internal sealed class EndorsedKeysRetriever : IConfigurationRetriever<EndorsedKeys>
{
    public async Task<EndorsedKeys> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        var metadata = OpenIdConnectConfiguration.Create(await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false));
        if (string.IsNullOrEmpty(metadata.JwksUri))
        {
            throw new InvalidOperationException($"The OpenID metadata at {address} names no jwks_uri.");
        }

        return EndorsedKeys.Parse(await retriever.GetDocumentAsync(metadata.JwksUri, cancel).ConfigureAwait(false));
    }
}
