using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SummitBot.DirectLine;

/// <summary>
/// The Direct Line conversations the bot holds, each with its activity log. Bounded: past DirectLine:MaxConversations
/// the least recently active conversation is forgotten, so a flood of new conversations cannot exhaust memory.
/// </summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly DirectLineOptions limits = options.Value;
    private readonly ConcurrentDictionary<string, ConversationLog> held = new(StringComparer.Ordinal);
    private readonly Lock trimming = new();

    public int Count => held.Count;

    /// <summary>The conversation's log, started when it is new.</summary>
    public ConversationLog Open(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var log = held.GetOrAdd(conversationId, id => new ConversationLog(id, limits.MaxActivitiesPerConversation, time.GetUtcNow()));
        if (held.Count > limits.MaxConversations)
        {
            Trim(keep: log);
        }

        return log;
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
