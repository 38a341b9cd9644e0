namespace SummitBot.Protocol.Auth;

/// <summary>How the bot's Azure identity is set up (Bot Framework's <c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    /// <summary>An app registration usable from any tenant; outbound tokens come from the botframework.com tenant.</summary>
    MultiTenant,

    /// <summary>An app registration in one tenant; outbound tokens come from that tenant.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity; no password, tokens come from the Azure host.</summary>
    UserAssignedMSI,
}
