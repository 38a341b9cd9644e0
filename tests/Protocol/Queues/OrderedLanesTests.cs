using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using SummitBot.Protocol.Queues;

namespace SummitBot.Tests.Protocol.Queues;

public sealed class OrderedLanesTests
{
    [Fact]
    public async Task ItemsOfOneKey_RunOneAtATime_InTheOrderTheyCame()
    {
        using var lanes = new OrderedLanes<string, int>(100, 100, NullLogger.Instance);
        var seen = new ConcurrentQueue<int>();
        var running = 0;
        var overlapped = false;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(LaneAdmission.Accepted, lanes.TryAdd("a", i));
        }

        lanes.Close();
        await lanes.RunAsync(
            4,
            async (item, _) =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
                await Task.Yield();
                seen.Enqueue(item);
                Interlocked.Decrement(ref running);
            },
            CancellationToken.None);

        Assert.False(overlapped);
        Assert.Equal(Enumerable.Range(0, 20), seen);
    }

    [Fact]
    public async Task ABusyKey_TakesTurnsWithTheOthers()
    {
        using var lanes = new OrderedLanes<string, string>(100, 100, NullLogger.Instance);
        for (var i = 0; i < 5; i++)
        {
            lanes.TryAdd("busy", $"busy{i}");
        }

        lanes.TryAdd("quiet", "quiet0");
        lanes.Close();
        var order = new List<string>();

        await lanes.RunAsync(1, (item, _) => { order.Add(item); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(["busy0", "quiet0", "busy1", "busy2", "busy3", "busy4"], order);
    }

    [Fact]
    public void TheBound_CountsWaitingItemsAcrossKeys()
    {
        using var lanes = new OrderedLanes<int, int>(200, 1, NullLogger.Instance);

        var admissions = Enumerable.Range(0, 201).Select(i => lanes.TryAdd(i, i)).ToList();

        Assert.All(admissions.Take(200), a => Assert.Equal(LaneAdmission.Accepted, a));
        Assert.Equal(LaneAdmission.Full, admissions[200]);
        Assert.Equal(200, lanes.Waiting);
    }

    [Fact]
    public void OneKey_CannotTakeMoreThanItsShare()
    {
        using var lanes = new OrderedLanes<string, int>(100, 3, NullLogger.Instance);

        var admissions = Enumerable.Range(0, 4).Select(i => lanes.TryAdd("a", i)).ToList();

        Assert.Equal([LaneAdmission.Accepted, LaneAdmission.Accepted, LaneAdmission.Accepted, LaneAdmission.KeyFull], admissions);
        Assert.Equal(LaneAdmission.Accepted, lanes.TryAdd("b", 0));
    }

    [Fact]
    public async Task AddAsync_WaitsForRoom_RatherThanRefusing()
    {
        using var lanes = new OrderedLanes<string, int>(1, 10, NullLogger.Instance);
        lanes.TryAdd("a", 1);
        var second = lanes.AddAsync("a", 2, CancellationToken.None);
        Assert.False(second.IsCompleted);
        var seen = new List<int>();

        var run = lanes.RunAsync(1, (item, _) => { seen.Add(item); return Task.CompletedTask; }, CancellationToken.None);
        Assert.Equal(LaneAdmission.Accepted, await second);
        lanes.Close();
        await run;

        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public async Task AFailingItem_CostsOnlyItself()
    {
        using var lanes = new OrderedLanes<string, int>(10, 10, NullLogger.Instance);
        lanes.TryAdd("a", 1);
        lanes.TryAdd("a", 2);
        lanes.Close();
        var seen = new List<int>();

        await lanes.RunAsync(1, (item, _) => item == 1 ? throw new InvalidOperationException("boom") : Task.Run(() => seen.Add(item), CancellationToken.None), CancellationToken.None);

        Assert.Equal([2], seen);
    }

    [Fact]
    public void AClosedQueue_TakesNothing()
    {
        using var lanes = new OrderedLanes<string, int>(10, 10, NullLogger.Instance);
        lanes.Close();

        Assert.Equal(LaneAdmission.Closed, lanes.TryAdd("a", 1));
    }
}
