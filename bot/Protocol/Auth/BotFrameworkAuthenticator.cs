using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using SummitBot.Hosting;

namespace SummitBot.Protocol.Auth;

/// <summary>
/// Checks the bearer token on an inbound activity: Emulator tokens (recognised by their issuer) against Entra ID's
/// keys, everything else as a channel token against the Bot Connector's endorsed keys. With no app id configured
/// a request without a token is let through (anonymous local mode), and one with any Authorization header is
/// refused as it is: no token can be issued for an app id that does not exist, and checking it would make the bot
/// fetch signing keys at a stranger's request.
/// </summary>
internal sealed class BotFrameworkAuthenticator : IInboundAuthenticator
{
    private const string BearerPrefix = "Bearer ";
    private static readonly JsonWebTokenHandler Reader = new();
    private readonly bool _anonymous;
    private readonly ChannelTokenValidator _channel;
    private readonly EmulatorTokenValidator _emulator;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;

    public BotFrameworkAuthenticator(IOptions<BotAuthOptions> options, IHttpClientFactory httpClientFactory, ILogger<BotFrameworkAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        var settings = options.Value;
        _anonymous = settings.IsAnonymous;
        _channel = new ChannelTokenValidator(
            new EndorsedKeySource(settings.ToBotFromChannelOpenIdMetadataUrl, httpClientFactory.CreateClient(AuthServices.HttpClientName)),
            settings.MicrosoftAppId);
        _emulator = new EmulatorTokenValidator(
            new EndorsedKeySource(settings.ToBotFromEmulatorOpenIdMetadataUrl, httpClientFactory.CreateClient(AuthServices.HttpClientName)),
            settings);
        _logger = logger;
    }

    public async Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(authorizationHeader, channelId, serviceUrl, cancellationToken).ConfigureAwait(false);
        if (!result.IsAuthenticated)
        {
            _logger.LogWarning("Refused an inbound request on channel {ChannelId}: {Reason}.", LogValue.Shorten(channelId), LogValue.Shorten(result.Reason));
        }

        return result;
    }

    private async Task<InboundAuthResult> CheckAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return _anonymous ? InboundAuthResult.Allowed : InboundAuthResult.Refused("no Authorization header");
        }

        if (_anonymous)
        {
            return InboundAuthResult.Refused("an Authorization header was sent, but with no MicrosoftAppId there is no token to accept");
        }

        if (!authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Refused("the Authorization header is not a Bearer token");
        }

        var token = authorizationHeader[BearerPrefix.Length..].Trim();
        if (!Reader.CanReadToken(token))
        {
            return InboundAuthResult.Refused("the bearer token is not a JWT");
        }

        try
        {
            var issuer = new JsonWebToken(token).Issuer;
            return _emulator.Issuers.Contains(issuer)
                ? await _emulator.ValidateAsync(token, cancellationToken).ConfigureAwait(false)
                : await _channel.ValidateAsync(token, channelId, serviceUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // JsonWebToken's constructor rejects a token whose parts do not decode; CanReadToken only checks the shape.
            return InboundAuthResult.Refused("the bearer token is malformed");
        }
        catch (InvalidOperationException ex)
        {
            // The keys could not be fetched and none are cached: refuse rather than fail the request.
            _logger.LogError("The OpenID signing keys are unavailable: {Message}", ex.Message);
            return InboundAuthResult.Refused("the OpenID signing keys are unavailable");
        }
    }
}
