using System.Threading.Channels;

namespace SummitBot.Protocol.Queues;

/// <summary>Whether <see cref="OrderedLanes{TKey, TItem}"/> took an item.</summary>
public enum LaneAdmission
{
    Accepted,

    /// <summary>As many items wait as the lanes hold in all.</summary>
    Full,

    /// <summary>This key's own lane holds as many items as one key may have waiting.</summary>
    KeyFull,

    /// <summary>The lanes are closed: the process is stopping.</summary>
    Closed,
}

/// <summary>
/// A bounded queue of work in lanes, one per key (a conversation): items of one key run one at a time, in
/// the order they came; different keys run side by side, as many at once as there are workers. A key that
/// has run an item goes to the back of the line before its next, so one busy key cannot starve the others,
/// and a per-key limit stops one key filling the queue for all. The bound counts waiting items across all
/// lanes; items being run do not count against it.
/// </summary>
/// <remarks>
/// Hand-written because System.Threading.Channels offers one FIFO, not per-key order with fairness between keys,
/// and no package served here does that.
/// </remarks>
public sealed class OrderedLanes<TKey, TItem> : IDisposable
    where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, Queue<TItem>> lanes = [];
    private readonly Channel<TKey> ready = Channel.CreateUnbounded<TKey>();
    private readonly SemaphoreSlim room;
    private readonly int perKey;
    private readonly ILogger logger;
    private int waiting;
    private bool closed;

    /// <param name="capacity">Items that may wait, across all keys.</param>
    /// <param name="perKey">Items that may wait for one key.</param>
    public OrderedLanes(int capacity, int perKey, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perKey, 1);
        room = new SemaphoreSlim(capacity, capacity);
        this.perKey = perKey;
        this.logger = logger;
    }

    /// <summary>Items waiting to run, across all keys.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Takes the item if there is room now.</summary>
    public LaneAdmission TryAdd(TKey key, TItem item)
    {
        if (Volatile.Read(ref closed))
        {
            return LaneAdmission.Closed;
        }

        return room.Wait(0) ? AddWithRoom(key, item) : LaneAdmission.Full;
    }

    /// <summary>Takes the item once there is room, waiting for it: back-pressure on the producer rather than a dropped item.</summary>
    public async Task<LaneAdmission> AddAsync(TKey key, TItem item, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref closed))
        {
            return LaneAdmission.Closed;
        }

        await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        return AddWithRoom(key, item);
    }

    /// <summary>Takes no more items; the workers stop once every lane has run dry.</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
            if (lanes.Count == 0)
            {
                ready.Writer.TryComplete();
            }
        }
    }

    public void Dispose() => room.Dispose();

    /// <summary>Runs items with <paramref name="workers"/> workers until closed and drained, or cancelled.</summary>
    /// <param name="process">Runs one item; an exception it throws is logged and costs only that item.</param>
    public Task RunAsync(int workers, Func<TItem, CancellationToken, Task> process, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkAsync(process, cancellationToken)));

    private LaneAdmission AddWithRoom(TKey key, TItem item)
    {
        lock (gate)
        {
            if (closed)
            {
                room.Release();
                return LaneAdmission.Closed;
            }

            if (!lanes.TryGetValue(key, out var lane))
            {
                lane = new Queue<TItem>();
                lanes.Add(key, lane);
                ready.Writer.TryWrite(key);
            }
            else if (lane.Count >= perKey)
            {
                room.Release();
                return LaneAdmission.KeyFull;
            }

            lane.Enqueue(item);
            waiting++;
            return LaneAdmission.Accepted;
        }
    }

    private async Task WorkAsync(Func<TItem, CancellationToken, Task> process, CancellationToken cancellationToken)
    {
        await foreach (var key in ready.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            TItem item;
            lock (gate)
            {
                item = lanes[key].Dequeue();
                waiting--;
            }

            room.Release();
            try
            {
                await process(item, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "A queued item failed");
            }

            lock (gate)
            {
                // The key is still present: only this worker takes from it while it is out of the ready line.
                if (lanes[key].Count > 0)
                {
                    ready.Writer.TryWrite(key);
                }
                else
                {
                    lanes.Remove(key);
                    if (closed && lanes.Count == 0)
                    {
                        ready.Writer.TryComplete();
                    }
                }
            }
        }
    }
}
