using System.Collections.Concurrent;

namespace SummitBot.Benchmarks.DirectLineLoad;

/// <summary>What all the visitors of a load run saw, added to from every visitor's tasks at once.</summary>
internal sealed class LoadTally
{
    private readonly ConcurrentQueue<string> errors = new();
    private readonly ConcurrentQueue<string> violations = new();
    private readonly ConcurrentQueue<double> latencies = new();
    private readonly ConcurrentQueue<double> starts = new();
    private readonly ConcurrentDictionary<int, int> requests = new();
    private int retries;
    private int typing;

    /// <summary>Posts refused with 503 or 429 and sent again after their Retry-After.</summary>
    public int Retries => retries;

    /// <summary>Typing activities seen on the streams: counted, not checked (the bot may send any number).</summary>
    public int Typing => typing;

    /// <summary>Failures of the client's own requests and waits: a refused token, a broken stream, a timeout.</summary>
    public IReadOnlyCollection<string> Errors => errors;

    /// <summary>Breaches of what Direct Line promises: an answer missing, twice, or in another conversation.</summary>
    public IReadOnlyCollection<string> Violations => violations;

    /// <summary>First answers received, one per question.</summary>
    public int Answers => latencies.Count;

    /// <summary>Conversations whose welcome arrived.</summary>
    public int Welcomed => starts.Count;

    /// <summary>Requests each instance of the bot received, by its place in the list of addresses.</summary>
    public IReadOnlyList<int> RequestsByInstance(int instances) => [.. Enumerable.Range(0, instances).Select(i => requests.GetValueOrDefault(i))];

    public void Retried() => Interlocked.Increment(ref retries);

    public void Sent(int instance) => requests.AddOrUpdate(instance, 1, (_, n) => n + 1);

    public void Typed() => Interlocked.Increment(ref typing);

    public void Error(string what) => errors.Enqueue(what);

    public void Violation(string what) => violations.Enqueue(what);

    public void Answered(TimeSpan latency) => latencies.Enqueue(latency.TotalMilliseconds);

    public void Started(TimeSpan untilWelcome) => starts.Enqueue(untilWelcome.TotalMilliseconds);

    /// <summary>Answer latencies in milliseconds, sorted for <see cref="Percentiles.Of"/>.</summary>
    public List<double> SortedLatencies() => [.. latencies.Order()];

    /// <summary>Milliseconds from asking for the page token to the welcome on the stream, sorted.</summary>
    public List<double> SortedStarts() => [.. starts.Order()];
}
