namespace SummitBot.Evaluation;

/// <summary>The "Evaluation" section of appsettings.json: how <c>eval --endpoint</c> talks to a running bot.</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Evaluation";

    /// <summary>The channelId eval's activities carry. Default "directline": a real channel, handled like Web Chat.</summary>
    public string ChannelId { get; set; } = "directline";

    /// <summary>How long one question may take before its turn fails. Default 60 s: a chat model can be slow.</summary>
    public int RequestTimeoutSeconds { get; set; } = 60;

    /// <summary>How often <c>eval --directline</c> asks for new activities while waiting for an answer. Default 500 ms.</summary>
    public int DirectLinePollMilliseconds { get; set; } = 500;

    /// <summary>
    /// The Direct Line secret <c>eval --directline</c> starts conversations with when <c>--secret</c> is not given
    /// (environment variable Evaluation__DirectLineSecret, which keeps it out of the shell's history). A secret: never logged.
    /// </summary>
    public string? DirectLineSecret { get; set; }
}
