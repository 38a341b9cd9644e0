namespace SummitBot.Conversations.Replies;

/// <summary>Where a turn's replies go: sent to the channel as they come, or collected for the response body.</summary>
public interface ITurnReplies
{
    Task SendAsync(BotReply reply, CancellationToken cancellationToken);

    /// <summary>Whether the channel shows an answer as it is written (<see cref="DraftReply"/>); if not, answers arrive whole.</summary>
    bool ShowsDrafts => false;

    /// <summary>Completes when every reply sent so far has been delivered or given up (replies that go out later, through an outbox).</summary>
    Task DeliveredAsync() => Task.CompletedTask;
}
