using System.Globalization;
using System.Threading.Channels;
using SummitBot.Protocol.Activities;

namespace SummitBot.DirectLine;

/// <summary>
/// The activities of one Direct Line conversation, in order, each numbered: a client polls for those after the
/// watermark it last saw, or listens on its stream. Bounded: past <c>capacity</c> the oldest go, and a client that
/// fell that far behind reads from the oldest kept. Passing activities (typing, a streamed draft) are numbered and
/// shown to the listener, but never kept: a client that reconnects or polls has no use for them.
/// </summary>
/// <param name="started">When the conversation began: its activity until something is added.</param>
/// <param name="keeper">Told of every kept activity, in order, to store it (the <see cref="DirectLineArchive"/>); null keeps them in memory only.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The listener belongs to the stream that asked for it, which disposes it.")]
public sealed class ConversationLog(string conversationId, int capacity, DateTimeOffset started = default, Action<string, ConversationLog.Numbered>? keeper = null)
{
    private readonly Lock gate = new();
    private readonly Queue<Numbered> kept = new();
    private long last = -1;
    private readonly List<(long Number, TaskCompletionSource Waiter)> waiters = [];
    private ConversationListener? listener;

    /// <summary>
    /// Takes in what the database holds beyond what this log has seen (kept activities, oldest first) and moves on to
    /// <paramref name="through"/>, the last number the database gave out: how a log that missed activities numbered
    /// elsewhere (a notification lost, or a log opened mid-stream) is made whole. The listener is offered them in order.
    /// </summary>
    public void CatchUp(IReadOnlyList<Numbered> stored, long through)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (gate)
        {
            foreach (var entry in stored.Where(e => e.Number > last).OrderBy(e => e.Number))
            {
                Take(entry);
                last = entry.Number;
            }

            last = Math.Max(last, through);
            Reached();
        }
    }

    /// <summary>
    /// Adds an activity numbered elsewhere (by the database another instance shares), given in number order. A null
    /// activity is a passing one too large to relay: only its number is taken.
    /// </summary>
    /// <returns>False, adding nothing, when activities before it are missing: <see cref="CatchUp"/> first, then apply it again.</returns>
    public bool Apply(long number, Activity? activity, bool kept, DateTimeOffset at)
    {
        lock (gate)
        {
            if (number <= last)
            {
                return true;
            }

            if (number > last + 1)
            {
                return false;
            }

            if (activity is not null)
            {
                Take(new Numbered(number, activity, kept, at));
            }

            last = number;
            Reached();
            return true;
        }
    }

    /// <summary>The last number this log has taken: its own, or one applied from elsewhere.</summary>
    public long Last
    {
        get
        {
            lock (gate)
            {
                return last;
            }
        }
    }

    /// <summary>Completes once the log has taken <paramref name="number"/> (applied, or caught up past).</summary>
    public Task WaitForAsync(long number, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (last >= number)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((number, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The activity <paramref name="create"/> makes for its number, stamped as this conversation's.</summary>
    public Activity Stamp(Func<string, Activity> create, long number, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(create);
        var id = $"{ConversationId}|{number:D7}";
        return create(id) with
        {
            Id = id,
            Timestamp = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            Conversation = new ConversationAccount { Id = ConversationId },
            ChannelId = ChannelIds.DirectLine,
        };
    }

    public string ConversationId { get; } = conversationId;

    /// <summary>When an activity was last added: the least recently active conversation is forgotten first.</summary>
    public DateTimeOffset LastActive { get; private set; } = started;

    /// <summary>Adds the activity with its Direct Line id ("{conversation}|0000042") and timestamp, and returns it so.</summary>
    public Activity Append(Activity activity, DateTimeOffset now) => Append(_ => activity, now);

    /// <summary>Adds the activity <paramref name="create"/> makes for the id it will have (a reply that names itself).</summary>
    public Activity Append(Func<string, Activity> create, DateTimeOffset now) => Add(create, now, keep: true);

    /// <summary>Shows a passing activity (typing, a draft) to the listener, if any, without keeping it.</summary>
    public Activity Pass(Activity activity, DateTimeOffset now) => Add(_ => activity, now, keep: false);

    /// <returns>The activities after <paramref name="watermark"/> (all kept when null or unreadable), and the watermark to send next time.</returns>
    public (IReadOnlyList<Activity> Activities, string Watermark) After(string? watermark)
    {
        lock (gate)
        {
            return ([.. KeptBetween(Watermarks.Read(watermark), long.MaxValue).Select(k => k.Activity)], Watermarks.Write(last));
        }
    }

    /// <summary>
    /// Starts listening: from now on every activity added is offered to the returned listener. A conversation has
    /// one listener (one stream) at a time; the one before is told it was superseded.
    /// </summary>
    public ConversationListener Listen()
    {
        lock (gate)
        {
            listener?.Supersede();
            listener = new ConversationListener(this);
            return listener;
        }
    }

    /// <returns>The kept activities numbered after <paramref name="seen"/> and before <paramref name="before"/>, with their numbers.</returns>
    internal IReadOnlyList<Numbered> KeptAfter(long seen, long before)
    {
        lock (gate)
        {
            return [.. KeptBetween(seen, before)];
        }
    }

    internal void StopListening(ConversationListener stopping)
    {
        lock (gate)
        {
            if (ReferenceEquals(listener, stopping))
            {
                listener = null;
            }
        }
    }

    private Activity Add(Func<string, Activity> create, DateTimeOffset now, bool keep)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (gate)
        {
            var entry = new Numbered(++last, Stamp(create, last, now), keep, now);
            Take(entry);
            if (keep)
            {
                keeper?.Invoke(ConversationId, entry);
            }

            Reached();
            return entry.Activity;
        }
    }

    /// <summary>Keeps the entry (when it is kept) and offers it to the listener; the caller holds the lock and moves <c>last</c>.</summary>
    private void Take(Numbered entry)
    {
        if (entry.Kept)
        {
            kept.Enqueue(entry);
            while (kept.Count > capacity)
            {
                kept.Dequeue();
            }

            LastActive = entry.At > LastActive ? entry.At : LastActive;
        }

        // Inside the lock, so the listener sees activities in the order they were numbered.
        listener?.Offer(entry);
    }

    private void Reached()
    {
        for (var i = waiters.Count - 1; i >= 0; i--)
        {
            if (waiters[i].Number <= last)
            {
                waiters[i].Waiter.TrySetResult();
                waiters.RemoveAt(i);
            }
        }
    }

    private IEnumerable<Numbered> KeptBetween(long seen, long before) => kept.Where(k => k.Number > seen && k.Number < before);

    /// <summary>An activity with its place in the conversation; <paramref name="Kept"/> false for a passing one.</summary>
    public sealed record Numbered(long Number, Activity Activity, bool Kept, DateTimeOffset At);
}

/// <summary>Direct Line watermarks: the number of the last activity a client has seen, as text.</summary>
internal static class Watermarks
{
    /// <returns>The number, or -1 (before everything) for null or unreadable text.</returns>
    public static long Read(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    public static string Write(long number) => number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The one listener of a conversation (its WebSocket stream): what was added since it began, in order. A slow
/// listener loses passing activities, never kept ones: those it reads again from the log by number.
/// </summary>
public sealed class ConversationListener : IDisposable
{
    /// <summary>Enough for a burst of drafts; past it the oldest offers go, which <see cref="ReadAsync"/> makes good from the log.</summary>
    private const int Buffered = 64;

    private readonly ConversationLog log;
    private readonly Channel<ConversationLog.Numbered> offered =
        Channel.CreateBounded<ConversationLog.Numbered>(new BoundedChannelOptions(Buffered) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly CancellationTokenSource superseded = new();

    internal ConversationListener(ConversationLog log) => this.log = log;

    /// <summary>Cancelled when another listener took this conversation over (a second stream: Direct Line's "collision").</summary>
    public CancellationToken Superseded => superseded.Token;

    /// <summary>
    /// Waits for what comes after <paramref name="seen"/>: the kept activities after it, and the passing ones in their
    /// place. Returns an empty list only when nothing came within <paramref name="cancellationToken"/>'s life.
    /// </summary>
    /// <returns>The activities to send, in order, and the number of the last kept one among them (or <paramref name="seen"/>).</returns>
    public async Task<(IReadOnlyList<Activity> Activities, long Seen)> ReadAsync(long seen, CancellationToken cancellationToken)
    {
        await offered.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        var batch = new List<Activity>();
        while (offered.Reader.TryRead(out var next))
        {
            if (next.Number <= seen)
            {
                continue;
            }

            // Whatever was kept before this one (including offers dropped while the listener was slow) goes first.
            foreach (var kept in log.KeptAfter(seen, next.Kept ? next.Number + 1 : next.Number))
            {
                batch.Add(kept.Activity);
                seen = kept.Number;
            }

            if (!next.Kept)
            {
                batch.Add(next.Activity);
            }
        }

        return (batch, seen);
    }

    public void Dispose()
    {
        log.StopListening(this);
        superseded.Dispose();
    }

    internal void Offer(ConversationLog.Numbered entry) => offered.Writer.TryWrite(entry);

    internal void Supersede()
    {
        try
        {
            superseded.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It had stopped already.
        }
    }
}
