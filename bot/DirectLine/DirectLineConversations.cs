using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SummitBot.DirectLine;

/// <summary>
/// The Direct Line conversations the bot holds, each with its activity log. Bounded: past DirectLine:MaxConversations
/// the least recently active conversation is forgotten, so a flood of new conversations cannot exhaust memory.
/// </summary>
/// <param name="archive">Where conversations are kept beyond this process (null: memory only).</param>
/// <param name="keeper">What each log hands its kept activities to (<see cref="IDirectLineJournal.Keeper"/>).</param>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time, DirectLineArchive? archive = null, Action<string, ConversationLog.Numbered>? keeper = null)
{
    private readonly DirectLineOptions limits = options.Value;
    private readonly ConcurrentDictionary<string, ConversationLog> held = new(StringComparer.Ordinal);
    private readonly Lock trimming = new();

    public int Count => held.Count;

    /// <summary>The conversations held now.</summary>
    public IEnumerable<ConversationLog> Held => held.Values;

    /// <summary>The conversation's log, started when it is new.</summary>
    public ConversationLog Open(string conversationId) => Start(conversationId, [], through: -1).Log;

    /// <summary>The conversation's log: held, or as the archive kept it (after a restart), or new.</summary>
    public async Task<ConversationLog> OpenAsync(string conversationId, CancellationToken cancellationToken) =>
        (await StartAsync(conversationId, cancellationToken).ConfigureAwait(false)).Log;

    /// <returns>The conversation's log, and whether this call started it: neither held nor archived (of two at once, exactly one did).</returns>
    public async Task<(ConversationLog Log, bool Started)> StartAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        if (Find(conversationId) is { } held)
        {
            return (held, false);
        }

        var (stored, through) = archive is null ? ([], -1) : await archive.LoadAsync(conversationId, after: -1, cancellationToken).ConfigureAwait(false);
        var (log, started) = Start(conversationId, stored, through);
        return (log, started && through < 0);
    }

    private (ConversationLog Log, bool Started) Start(string conversationId, IReadOnlyList<ConversationLog.Numbered> stored, long through)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var fresh = new ConversationLog(conversationId, limits.MaxActivitiesPerConversation, time.GetUtcNow(), keeper);
        fresh.CatchUp(stored, through);
        var log = held.GetOrAdd(conversationId, fresh);
        if (held.Count > limits.MaxConversations)
        {
            Trim(keep: log);
        }

        return (log, ReferenceEquals(log, fresh));
    }

    /// <returns>The conversation's log, or null when the bot holds no such conversation (never started, or forgotten).</returns>
    public ConversationLog? Find(string conversationId) => held.GetValueOrDefault(conversationId);

    private void Trim(ConversationLog keep)
    {
        lock (trimming)
        {
            // Rare (only past the limit) and linear; a conversation just opened is never the one forgotten.
            while (held.Count > limits.MaxConversations
                && held.Values.Where(l => !ReferenceEquals(l, keep)).MinBy(l => l.LastActive) is { } oldest)
            {
                held.TryRemove(oldest.ConversationId, out _);
            }
        }
    }
}
