using System.Diagnostics;
using System.Diagnostics.Metrics;
using SummitBot.Answering;

namespace SummitBot.Telemetry;

/// <summary>How a turn that asked a question ended, as the metrics and the per-turn log name it.</summary>
public enum AnswerOutcome
{
    /// <summary>Answered from the articles, every sentence cited.</summary>
    Grounded,

    /// <summary>The articles do not cover it: the bot said so.</summary>
    Refused,

    /// <summary>The chat model failed or grounded nothing; the extractive step answered.</summary>
    FellBack,

    /// <summary>No answer: the turn failed or ran out of time, and the user got an apology.</summary>
    Failed,
}

/// <summary>
/// The bot's metrics, on the meter named <see cref="BotTelemetry.Name"/>: answers by outcome and channel, answer
/// latency, the turn queue's depth, Connector retries, and requests refused by a rate limit.
/// </summary>
public sealed class BotMetrics
{
    private readonly Counter<long> answers;
    private readonly Histogram<double> latency;
    private readonly Counter<long> retries;
    private readonly Counter<long> rateLimited;
    private readonly Meter meter;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meter = meters.Create(BotTelemetry.Name);
        answers = meter.CreateCounter<long>("summitbot.answers", "{answer}", "Questions answered, by outcome (grounded, refused, fell_back, failed) and channel.");
        latency = meter.CreateHistogram<double>("summitbot.answer.duration", "s", "From a question's turn starting to its answer being sent.");
        retries = meter.CreateCounter<long>("summitbot.connector.retries", "{retry}", "Connector calls sent again after a transient failure.");
        rateLimited = meter.CreateCounter<long>("summitbot.rate_limited", "{request}", "Requests refused with 429 by a rate limit, by limit.");
    }

    public static AnswerOutcome OutcomeOf(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return !answer.Grounded ? AnswerOutcome.Refused : answer.By == AnsweredBy.ExtractiveFallback ? AnswerOutcome.FellBack : AnswerOutcome.Grounded;
    }

    public static string Name(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.Grounded => "grounded",
        AnswerOutcome.Refused => "refused",
        AnswerOutcome.FellBack => "fell_back",
        _ => "failed",
    };

    public void Answered(AnswerOutcome outcome, string? channel, TimeSpan elapsed)
    {
        var tags = new TagList { { "outcome", Name(outcome) }, { "channel", channel ?? "unknown" } };
        answers.Add(1, tags);
        latency.Record(elapsed.TotalSeconds, tags);
    }

    public void Retried() => retries.Add(1);

    public void RateLimited(string limit) => rateLimited.Add(1, new KeyValuePair<string, object?>("limit", limit));

    /// <summary>Reports the turn queue's depth whenever the metrics are read.</summary>
    public void ObserveQueue(Func<int> depth) =>
        meter.CreateObservableGauge("summitbot.turns.queued", depth, "{turn}", "Turns waiting for an answer worker.");
}
