using Microsoft.Extensions.Options;

namespace SummitBot.Protocol.Auth;

/// <summary>
/// Refuses to start with an identity that cannot work, naming the missing keys (never their values), so a
/// misconfigured deployment fails at start instead of refusing every channel request later.
/// </summary>
internal sealed class BotAuthOptionsValidator : IValidateOptions<BotAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthOptions options)
    {
        var failures = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        switch (options.AppType)
        {
            case BotAppType.SingleTenant when !(hasId && hasPassword && hasTenant):
                failures.Add("MicrosoftAppType SingleTenant needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.");
                break;
            case BotAppType.UserAssignedMSI when !(hasId && hasTenant) || hasPassword:
                failures.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppId and MicrosoftAppTenantId, and MicrosoftAppPassword must be empty.");
                break;
            case BotAppType.MultiTenant when hasId && !hasPassword:
                // Inbound checks would pass but every reply would fail to get a token.
                failures.Add("MicrosoftAppType MultiTenant with a MicrosoftAppId needs MicrosoftAppPassword (or leave MicrosoftAppId empty for anonymous local mode).");
                break;
        }

        if (options.AppType == BotAppType.SingleTenant && hasTenant && !IsTenant(options.MicrosoftAppTenantId!))
        {
            // It becomes part of MSAL's authority URL, and MSAL would throw while the bot starts.
            failures.Add("MicrosoftAppTenantId must be a tenant id (a GUID) or a domain name such as contoso.onmicrosoft.com.");
        }

        AddIfNotUrl(failures, nameof(options.ToBotFromChannelOpenIdMetadataUrl), options.ToBotFromChannelOpenIdMetadataUrl);
        AddIfNotUrl(failures, nameof(options.ToBotFromEmulatorOpenIdMetadataUrl), options.ToBotFromEmulatorOpenIdMetadataUrl);
        AddIfNotUrl(failures, nameof(options.ToChannelFromBotLoginUrlPrefix), options.ToChannelFromBotLoginUrlPrefix);
        if (hasId && options.AppType != BotAppType.UserAssignedMSI && !IsAuthorityPrefix(options.ToChannelFromBotLoginUrlPrefix))
        {
            // MSAL accepts only https authorities, and would throw while the bot starts rather than here.
            failures.Add($"{nameof(options.ToChannelFromBotLoginUrlPrefix)} must be an https URL with no query or fragment when MicrosoftAppId is set, not '{options.ToChannelFromBotLoginUrlPrefix}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsTenant(string tenant) =>
        Guid.TryParse(tenant, out _) || Uri.CheckHostName(tenant) == UriHostNameType.Dns;

    private static bool IsAuthorityPrefix(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && uri.UserInfo.Length == 0;

    private static void AddIfNotUrl(List<string> failures, string key, string? value)
    {
        if (!SecureUrl.IsAllowed(value))
        {
            failures.Add($"{key} must be an absolute https URL (http only on this machine's loopback address), not '{value}'.");
        }
    }
}
