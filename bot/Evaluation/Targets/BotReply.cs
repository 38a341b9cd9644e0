using System.Text.Json.Nodes;

namespace SummitBot.Evaluation.Targets;

/// <summary>What the bot said to one question, however it was reached.</summary>
/// <param name="Messages">Each reply message, in order, with what a transcript compares besides its text: its suggested actions and attachments.</param>
/// <param name="Grounded">False when the bot said the articles do not cover the question.</param>
/// <param name="CitedArticleIds">The articles the reply cites, in order, without repeats. A citation whose
/// article could not be told is kept as its raw address, so it shows in reports and matches no id.</param>
public sealed record BotReply(IReadOnlyList<ReplyMessage> Messages, bool Grounded, IReadOnlyList<string> CitedArticleIds)
{
    /// <summary>A reply of plain messages: no suggested actions, no attachments. Named as the record's own parameters, so callers name them alike.</summary>
    public BotReply(IReadOnlyList<string> Texts, bool Grounded, IReadOnlyList<string> CitedArticleIds)
        : this([.. Texts.Select(t => new ReplyMessage(t, [], []))], Grounded, CitedArticleIds)
    {
    }

    /// <summary>The text of each reply message, in order.</summary>
    public IReadOnlyList<string> Texts => [.. Messages.Select(m => m.Text)];

    public string Text => string.Join("\n\n", Texts);

    /// <summary>Which step answered, when asked in-process; null from a running bot, which does not say.</summary>
    public Answering.AnsweredBy? By { get; init; }

    /// <summary>A refusal says the articles do not cover it and cites nothing.</summary>
    public bool Refused => !Grounded && CitedArticleIds.Count == 0;

    /// <summary>
    /// How long the bot took to answer, when the target can tell it from time spent waiting to be let in (a Direct
    /// Line pacing conversations); null: the whole ask is the latency.
    /// </summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>The reply activities as the bot sent them, for <c>eval --record</c>; empty when there were none to keep.</summary>
    public IReadOnlyList<JsonObject> Activities { get; init; } = [];
}

/// <summary>One message of a reply: its answer text (the channel's appended source list left out), the titles of its suggested actions, the content types of its attachments.</summary>
public sealed record ReplyMessage(string Text, IReadOnlyList<string> SuggestedActions, IReadOnlyList<string> Attachments);
