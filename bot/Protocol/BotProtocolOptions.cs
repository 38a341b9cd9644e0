using System.ComponentModel.DataAnnotations;

namespace SummitBot.Protocol;

/// <summary>Limits and addresses of the /api/messages endpoint ("BotProtocol" in appsettings.json).</summary>
public sealed class BotProtocolOptions : IValidatableObject
{
    public const string SectionName = "BotProtocol";

    /// <summary>Larger request bodies are refused with 413. Default 256 KiB (Teams caps messages at 100 KB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The address users reach the bot at, such as https://summitbot.example.com; citations of articles with no
    /// original address link to its /articles/{id} page. Empty: the address the bot listens on, or, with
    /// <see cref="TrustForwardedHeaders"/>, the scheme and host the proxy says each request came to.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Behind a reverse proxy or TLS terminator (Azure App Service, a Kubernetes ingress, nginx): take each request's
    /// scheme, host and client address from X-Forwarded-Proto, X-Forwarded-Host and X-Forwarded-For, so citation links
    /// and the Direct Line stream address are the public https ones and rate limits count visitors, not the proxy.
    /// Turn it on only when every request comes through a proxy that sets those headers: anyone reaching the bot
    /// directly could set them. Default false.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>
    /// Base addresses replies may be sent to, such as https://smba.trafficmanager.net/teams/ (see
    /// <see cref="Inbound.ServiceUrlPattern"/> for the matching rule). Empty (the default): in anonymous mode only
    /// loopback addresses (localhost, 127.0.0.0/8, ::1: the Emulator, the Agents Playground, a local Web Chat); with
    /// an app id, whatever serviceUrl the channel's signed token vouches for. Set, it applies in both modes.
    /// </summary>
    public IList<string> AllowedServiceUrls { get; } = [];

    /// <summary>
    /// Longest id an activity may carry (its id, replyToId, channelId, conversation.id, from.id, recipient.id,
    /// members' ids, locale, invoke name); longer ones get 400. Default 512: Bot Framework ids are under 200.
    /// </summary>
    [Range(64, 16 * 1024)]
    public int MaxIdLength { get; set; } = 512;

    /// <summary>Longest display name (from.name, recipient.name, members' names); longer ones get 400. Default 256.</summary>
    [Range(64, 16 * 1024)]
    public int MaxNameLength { get; set; } = 256;

    /// <summary>Longest serviceUrl; a longer one gets 400. Default 2048.</summary>
    [Range(64, 16 * 1024)]
    public int MaxServiceUrlLength { get; set; } = 2048;

    /// <summary>
    /// How long a `deliveryMode: expectReplies` turn may hold the channel's request before it is answered with
    /// an apology. Default 10 seconds: channels give up after about 15.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ExpectRepliesTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a turn answered in the background may take before it is cancelled. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Turns answered at once in the background. Default 4.</summary>
    [Range(1, 256)]
    public int MaxConcurrentTurns { get; set; } = 4;

    /// <summary>Turns waiting for a worker, across all conversations; beyond this the channel gets 503. Default 256.</summary>
    [Range(1, 100_000)]
    public int MaxQueuedTurns { get; set; } = 256;

    /// <summary>
    /// Turns one conversation may have waiting; beyond this its channel gets 429, so one busy conversation
    /// cannot fill the queue for everyone. Default 16.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxQueuedTurnsPerConversation { get; set; } = 16;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("BotProtocol:PublicBaseUrl must be an absolute http(s) address, or empty.", [nameof(PublicBaseUrl)]);
        }

        for (var i = 0; i < AllowedServiceUrls.Count; i++)
        {
            if (Inbound.ServiceUrlPattern.Parse(AllowedServiceUrls[i]) is null)
            {
                yield return new ValidationResult(
                    $"BotProtocol:AllowedServiceUrls:{i} must be an absolute http(s) base address with no user info, query or fragment "
                    + "(a host may start with '*.'), not '{AllowedServiceUrls[i]}'.",
                    [nameof(AllowedServiceUrls)]);
            }
        }
    }
}
