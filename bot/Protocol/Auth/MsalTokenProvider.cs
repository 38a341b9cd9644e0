using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SummitBot.Protocol.Auth;

/// <summary>
/// Client-credentials tokens from Microsoft Entra ID (MultiTenant: the botframework.com tenant; SingleTenant: the
/// app's tenant): for the Bot Connector, or, for <c>eval --endpoint</c>, for the bot itself, as the Emulator gets
/// them. MSAL keeps the token in its in-memory app cache and fetches a new one
/// once the cached one is within five minutes of expiry, so callers simply ask for a token on every send.
/// </summary>
/// <remarks>Throws MsalException when the token service refuses the credentials or cannot be reached.</remarks>
internal sealed class MsalTokenProvider : IOutboundTokenProvider
{
    private readonly string[] _scopes;
    private readonly IConfidentialClientApplication? _app;

    public MsalTokenProvider(IOptions<BotAuthOptions> options, IHttpClientFactory httpClientFactory)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), httpClientFactory, BotAuthOptions.ChannelIssuer)
    {
    }

    /// <param name="audience">Whom the tokens are for: the Bot Connector, or the bot's own app id.</param>
    internal MsalTokenProvider(BotAuthOptions settings, IHttpClientFactory httpClientFactory, string audience)
    {
        _scopes = [$"{audience}/.default"];
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

        var result = await _app.AcquireTokenForClient(_scopes)
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return result.AccessToken;
    }
}
