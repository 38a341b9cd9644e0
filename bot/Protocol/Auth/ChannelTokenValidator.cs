using Microsoft.IdentityModel.JsonWebTokens;

namespace SummitBot.Protocol.Auth;

/// <summary>
/// Tokens the Bot Connector sends on behalf of a channel (Teams, Web Chat, Direct Line...): issued by
/// api.botframework.com for this app id, signed by a key endorsed for the activity's channel, and bound to the
/// activity's serviceUrl so a token for one channel endpoint cannot be replayed with another.
/// </summary>
internal sealed class ChannelTokenValidator(EndorsedKeySource keys, string? appId)
{
    public async Task<InboundAuthResult> ValidateAsync(string token, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var parameters = BotTokenRules.Parameters([BotAuthOptions.ChannelIssuer], appId);
        var (result, endorsed) = await keys.ValidateAsync(token, parameters, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return InboundAuthResult.Refused(BotTokenRules.Describe(result.Exception));
        }

        var validated = (JsonWebToken)result.SecurityToken;
        if (string.IsNullOrEmpty(channelId) || !endorsed.Endorses(validated.SigningKey?.KeyId ?? validated.Kid, channelId))
        {
            return InboundAuthResult.Refused($"the signing key is not endorsed for channel '{channelId}'");
        }

        if (!validated.TryGetPayloadValue<string>("serviceurl", out var claimed)
            || string.IsNullOrEmpty(serviceUrl)
            || !string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Refused("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        return InboundAuthResult.Allowed;
    }
}
