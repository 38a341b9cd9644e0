namespace SummitBot.Protocol.Auth;

/// <summary>
/// The bot's identity and where its token keys come from. Bound from the root of the configuration with Bot
/// Framework's flat key names, so the environment variables an Azure Bot deployment already sets work unchanged.
/// A class, not a record: a record's ToString would print the password.
/// </summary>
public sealed class BotAuthOptions
{
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>MultiTenant (default, also when the value is missing or not understood), SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The Azure Bot's app id. Empty (the default): anonymous local mode, no token checked or sent.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app registration's client secret (MultiTenant, SingleTenant). A secret: never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The app's tenant (SingleTenant, UserAssignedMSI); ignored for MultiTenant.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Connector, whose keys sign the channels' tokens.</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata of Microsoft Entra ID, whose keys sign the Bot Framework Emulator's tokens.</summary>
    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Authority host for outbound tokens; the tenant (botframework.com or the app's) is appended.</summary>
    public string ToChannelFromBotLoginUrlPrefix { get; set; } = "https://login.microsoftonline.com/";

    public BotAppType AppType =>
        Enum.TryParse<BotAppType>(MicrosoftAppType, ignoreCase: true, out var type) && Enum.IsDefined(type)
            ? type
            : BotAppType.MultiTenant;

    /// <summary>True when no app id is configured: requests without a token are accepted and replies carry none.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The tenant outbound tokens are requested from.</summary>
    public string TokenTenant => AppType == BotAppType.MultiTenant ? "botframework.com" : MicrosoftAppTenantId ?? "";
}
