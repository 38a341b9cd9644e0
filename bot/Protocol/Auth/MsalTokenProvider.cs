using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SummitBot.Protocol.Auth;

/// <summary>
/// Client-credentials tokens for the Bot Connector from Microsoft Entra ID (MultiTenant: the botframework.com
/// tenant; SingleTenant: the app's tenant). MSAL keeps the token in its in-memory app cache and fetches a new one
/// once the cached one is within five minutes of expiry, so callers simply ask for a token on every send.
/// </summary>
/// <remarks>Throws MsalException when the token service refuses the credentials or cannot be reached.</remarks>
internal sealed class MsalTokenProvider : IOutboundTokenProvider
{
    private static readonly string[] Scopes = [$"{BotAuthOptions.ChannelIssuer}/.default"];
    private readonly IConfidentialClientApplication? _app;

    public MsalTokenProvider(IOptions<BotAuthOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.IsAnonymous)
        {
            return;
        }

        _app = ConfidentialClientApplicationBuilder.Create(settings.MicrosoftAppId)
            .WithClientSecret(settings.MicrosoftAppPassword)
            .WithAuthority(settings.ToChannelFromBotLoginUrlPrefix.TrimEnd('/') + "/" + settings.TokenTenant)
            // The authority is configured, hence trusted: no call to Entra ID's discovery endpoint to vouch for it.
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory))
            .Build();
    }

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return null;
        }

        var result = await _app.AcquireTokenForClient(Scopes)
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return result.AccessToken;
    }
}
