using SummitBot.Protocol.Activities;

namespace SummitBot.DirectLine;

/// <summary>
/// The activities of one Direct Line conversation, in order, each numbered: a client polls for those after the
/// watermark it last saw. Bounded: past <c>capacity</c> the oldest go, and a client that fell that far behind
/// reads from the oldest kept.
/// </summary>
/// <param name="started">When the conversation began: its activity until something is added.</param>
public sealed class ConversationLog(string conversationId, int capacity, DateTimeOffset started = default)
{
    private readonly Lock gate = new();
    private readonly Queue<(long Number, Activity Activity)> kept = new();
    private long last = -1;

    public string ConversationId { get; } = conversationId;

    /// <summary>When an activity was last added: the least recently active conversation is forgotten first.</summary>
    public DateTimeOffset LastActive { get; private set; } = started;

    /// <summary>Adds the activity with its Direct Line id ("{conversation}|0000042") and timestamp, and returns it so.</summary>
    public Activity Append(Activity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (gate)
        {
            var number = ++last;
            var stamped = activity with
            {
                Id = $"{ConversationId}|{number:D7}",
                Timestamp = now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                Conversation = new ConversationAccount { Id = ConversationId },
                ChannelId = ChannelIds.DirectLine,
            };
            kept.Enqueue((number, stamped));
            while (kept.Count > capacity)
            {
                kept.Dequeue();
            }

            LastActive = now;
            return stamped;
        }
    }

    /// <returns>The activities after <paramref name="watermark"/> (all kept when null or unreadable), and the watermark to send next time.</returns>
    public (IReadOnlyList<Activity> Activities, string Watermark) After(string? watermark)
    {
        var seen = long.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        lock (gate)
        {
            return ([.. kept.Where(k => k.Number > seen).Select(k => k.Activity)],
                last.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
