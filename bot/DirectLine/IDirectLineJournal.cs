using SummitBot.Protocol.Activities;

namespace SummitBot.DirectLine;

/// <summary>
/// How a Direct Line conversation's activities are numbered and reach the stream listening for them: in this
/// process alone (<see cref="LocalJournal"/>, SQLite), or through the PostgreSQL database every instance shares
/// (<see cref="SharedJournal"/>), so a visitor whose WebSocket is on one instance sees what another one added.
/// </summary>
public interface IDirectLineJournal
{
    /// <summary>What a new log hands each kept activity to (the archive's write-behind), or null when the journal writes them itself.</summary>
    Action<string, ConversationLog.Numbered>? Keeper { get; }

    /// <summary>Adds a kept activity, the one <paramref name="create"/> makes for the id it will have.</summary>
    /// <returns>The activity as added: its id and timestamp set.</returns>
    Task<Activity> AppendAsync(ConversationLog log, Func<string, Activity> create, CancellationToken cancellationToken);

    /// <summary>Shows a passing activity (typing, a draft) to the conversation's stream without keeping it.</summary>
    Task<Activity> PassAsync(ConversationLog log, Activity activity, CancellationToken cancellationToken);

    /// <summary>Completes once every activity appended so far is in the database.</summary>
    Task WrittenAsync();
}

/// <summary>One instance: the log numbers its activities itself, and the archive keeps them behind its back.</summary>
public sealed class LocalJournal(DirectLineArchive archive, TimeProvider time) : IDirectLineJournal
{
    public Action<string, ConversationLog.Numbered>? Keeper => archive.Keep;

    public Task<Activity> AppendAsync(ConversationLog log, Func<string, Activity> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Task.FromResult(log.Append(create, time.GetUtcNow()));
    }

    public Task<Activity> PassAsync(ConversationLog log, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Task.FromResult(log.Pass(activity, time.GetUtcNow()));
    }

    public Task WrittenAsync() => archive.WrittenAsync();
}
