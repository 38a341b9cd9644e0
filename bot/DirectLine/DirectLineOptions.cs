using System.ComponentModel.DataAnnotations;

namespace SummitBot.DirectLine;

/// <summary>The bot's own Direct Line 3.0 (section "DirectLine"), which the chat page and other Direct Line clients use.</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string Section = "DirectLine";

    /// <summary>
    /// Secrets that let another site's server ask for conversation tokens (`POST /v3/directline/tokens/generate`) or
    /// open conversations directly. Empty (the default): only the bot's own chat page can start conversations.
    /// Set them in user secrets or the environment (DirectLine__Secrets__0), never in a committed file.
    /// </summary>
    public IList<string> Secrets { get; } = [];

    /// <summary>Origins (such as https://www.example.org) whose pages may call the Direct Line endpoints from a browser. Empty (the default): none but the bot's own.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>
    /// How long a conversation token lasts before it must be refreshed. Default 30 minutes. At least 20: DirectLineJS
    /// (and so Web Chat) refreshes its token every 15 minutes whatever the lifetime.
    /// </summary>
    [Range(typeof(TimeSpan), "00:20:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Conversations held at once; past it the least recently active is forgotten. Default 10000.</summary>
    [Range(1, 10_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Activities kept per conversation for clients to read; the oldest go first. Default 200.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>Largest activity a client may post, in bytes; larger ones get 413. Default 32 KiB.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// How long posting an activity waits for the bot's answer before it returns anyway (the answer still arrives on
    /// the stream). Default and most 15 seconds: DirectLineJS gives a request 20 seconds before it calls the send failed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:15")]
    public TimeSpan AnswerWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Activities one conversation token may post per minute. Default 20.</summary>
    [Range(1, 100_000)]
    public int PostsPerMinutePerToken { get; set; } = 20;

    /// <summary>Activities one client address may post per minute, over all its conversations. Default 120 (an office behind one address).</summary>
    [Range(1, 1_000_000)]
    public int PostsPerMinutePerAddress { get; set; } = 120;

    /// <summary>Tokens and new conversations one client address may ask for per minute (generate, refresh, the page's own). Default 20.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerMinutePerAddress { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Secrets.Count; i++)
        {
            // Never the secret itself in the message: it would reach the log.
            if (string.IsNullOrWhiteSpace(Secrets[i]) || Secrets[i].Length < 32)
            {
                yield return new ValidationResult($"DirectLine:Secrets:{i} must be at least 32 characters (for example: openssl rand -hex 32).", [nameof(Secrets)]);
            }
        }

        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            if (!Uri.TryCreate(AllowedOrigins[i], UriKind.Absolute, out var origin)
                || (origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp)
                || origin.AbsolutePath != "/" || origin.Query.Length > 0)
            {
                yield return new ValidationResult($"DirectLine:AllowedOrigins:{i} must be an origin such as https://www.example.org (scheme, host and port only), not '{AllowedOrigins[i]}'.", [nameof(AllowedOrigins)]);
            }
        }
    }
}
