namespace SummitBot.Teams;

/// <summary>
/// What the Teams app package needs beyond the bot's app id (the root MicrosoftAppId) and its public address
/// (BotProtocol:PublicBaseUrl, shared with the endpoint's citation links): section "Teams".
/// </summary>
public sealed class TeamsPackageOptions
{
    public const string SectionName = "Teams";

    /// <summary>The Teams app's own id (a GUID). Empty (the default): derived from MicrosoftAppId, so it is stable across builds.</summary>
    public string? AppId { get; set; }

    /// <summary>The app version shown in Teams; raise it for every re-upload (semver). Default 1.0.0.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>Who publishes the app. Default "SummitBot team".</summary>
    public string DeveloperName { get; set; } = "SummitBot team";

    /// <summary>Support, privacy and terms pages (https). Empty (the default): the public address.</summary>
    public string? WebsiteUrl { get; set; }

    public string? PrivacyUrl { get; set; }

    public string? TermsOfUseUrl { get; set; }
}
