namespace SummitBot.Evaluation;

/// <summary>The "Evaluation" section of appsettings.json: how <c>eval --endpoint</c> talks to a running bot.</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Evaluation";

    /// <summary>The channelId eval's activities carry. Default "directline": a real channel, handled like Web Chat.</summary>
    public string ChannelId { get; set; } = "directline";

    /// <summary>How long one question may take before its turn fails. Default 60 s: a chat model can be slow.</summary>
    public int RequestTimeoutSeconds { get; set; } = 60;
}
