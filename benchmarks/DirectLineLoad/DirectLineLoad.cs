using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;

namespace SummitBot.Benchmarks.DirectLineLoad;

/// <summary>
/// The Direct Line load run: many <see cref="Visitor"/>s at once against a running bot's own Direct Line, over
/// WebSockets, each asking its questions one after another. Reports answers, errors, retries, wall time, throughput
/// and answer latency (POST sent to answer on the stream) at p50/p90/p99/max; exits 1 on any error or any breach
/// of Direct Line's promises (an answer missing, twice, or on another conversation's stream). Loopback only, and
/// bounded: ten minutes for the whole run, a minute for each answer.
/// Run: benchmarks/load.sh [visitors] [questions each], which starts the bot and samples its memory; or
/// benchmarks/two-instances.sh, two bots sharing PostgreSQL with every request sent to either at random.
/// </summary>
internal static class DirectLineLoad
{
    /// <summary>Questions the shipped articles answer, asked in turn; each visitor starts at its own place in the list.</summary>
    private static readonly string[] Questions =
    [
        "Where did Lee and Ishiba meet?",
        "What did Lee and Ishiba agree on?",
        "Why did Lee visit Japan before meeting Trump?",
        "Who is South Korea's president?",
        "When will Lee meet Trump?",
    ];

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long the streams stay open after the last answer, so a late second answer is seen as one.</summary>
    private static readonly TimeSpan DuplicateGrace = TimeSpan.FromSeconds(2);

    /// <param name="args">
    /// The bot's address (http://127.0.0.1:PORT), or several instances' separated by commas, then visitors (default 200)
    /// and questions each (default 5).
    /// </param>
    public static async Task<int> RunAsync(string[] args)
    {
        var bots = args.Length is >= 1 and <= 3 ? Addresses(args[0]) : null;
        if (bots is null || !TryCount(args, 1, 200, 10_000, out var visitors) || !TryCount(args, 2, 5, 100, out var questions))
        {
            Console.Error.WriteLine("usage: load http://127.0.0.1:PORT[,http://127.0.0.1:PORT2...] [visitors, 1-10000, default 200] [questions each, 1-100, default 5]; loopback addresses only");
            return 2;
        }

        var instances = bots.Select(bot => new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = bot,
            // Past the answer budget, so the budget's own message is the one reported.
            Timeout = AnswerTimeout + TimeSpan.FromSeconds(10),
        }).ToList();
        using var run = new CancellationTokenSource(RunTimeout);
        var tally = new LoadTally();
        var crowd = Enumerable.Range(0, visitors).Select(i => new Visitor(i, instances, tally, AnswerTimeout)).ToList();
        Console.WriteLine($"{visitors} visitors at once, {questions} questions each, over WebSockets, to {string.Join(" and ", bots.Select(b => b.ToString()))}");
        try
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(crowd.Select((visitor, i) => VisitAsync(visitor, i, Ask(i, questions), tally, run.Token)));
            var wall = clock.Elapsed;
            await Task.Delay(DuplicateGrace, CancellationToken.None);
            await Task.WhenAll(crowd.Select(v => v.CloseAsync()));
            if (instances.Count > 1)
            {
                Console.WriteLine($"requests per instance: {string.Join(", ", tally.RequestsByInstance(instances.Count))}");
            }

            return Report(tally, visitors, visitors * questions, wall, run.IsCancellationRequested);
        }
        finally
        {
            crowd.ForEach(v => v.Dispose());
            instances.ForEach(i => i.Dispose());
        }
    }

    /// <returns>The loopback http addresses, or null when any is not one.</returns>
    private static List<Uri>? Addresses(string list)
    {
        var addresses = new List<Uri>();
        foreach (var text in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var bot) || bot.Scheme != Uri.UriSchemeHttp || !IsLoopback(bot))
            {
                return null;
            }

            addresses.Add(bot);
        }

        return addresses.Count > 0 ? addresses : null;
    }

    /// <summary>Whether the address names a loopback IP (127.0.0.0/8, ::1) itself: no name that a resolver could send elsewhere.</summary>
    public static bool IsLoopback(Uri address) =>
        address.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
        && IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);

    private static async Task VisitAsync(Visitor visitor, int number, IReadOnlyList<string> questions, LoadTally tally, CancellationToken cancellationToken)
    {
        try
        {
            await visitor.RunAsync(questions, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or WebSocketException or OperationCanceledException or JsonException or UriFormatException)
        {
            tally.Error($"visitor {number}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Visitor <paramref name="number"/>'s questions: the list from its own starting place, so the bot gets a mix at every moment.</summary>
    private static string[] Ask(int number, int count) => [.. Enumerable.Range(number, count).Select(i => Questions[i % Questions.Length])];

    private static int Report(LoadTally tally, int visitors, int expected, TimeSpan wall, bool timedOut)
    {
        var latencies = tally.SortedLatencies();
        var starts = tally.SortedStarts();
        var unanswered = expected - tally.Answers;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"visitors: {visitors}, welcomed {tally.Welcomed}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"questions: {expected}, answers: {tally.Answers}, unanswered: {unanswered}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"errors: {tally.Errors.Count}, retries (503/429 after Retry-After): {tally.Retries}, typing activities seen: {tally.Typing}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall time: {wall.TotalSeconds:F1} s{(timedOut ? " (stopped at the run timeout)" : "")}, throughput: {tally.Answers / wall.TotalSeconds:F1} answers/s"));

        // The visitors share the bot's machine: what they spent is CPU the bot did not have.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load generator CPU: {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s"));
        if (latencies.Count > 0)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"answer latency (POST sent to answer on the stream): p50 {Percentiles.Of(latencies, 0.50):F0} ms, p90 {Percentiles.Of(latencies, 0.90):F0} ms, p99 {Percentiles.Of(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms"));
        }

        if (starts.Count > 0)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"conversation start (page token to welcome on the stream): p50 {Percentiles.Of(starts, 0.50):F0} ms, p99 {Percentiles.Of(starts, 0.99):F0} ms, max {starts[^1]:F0} ms"));
        }

        var violations = tally.Violations.Count + (unanswered > 0 ? 1 : 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"violations: {violations}"));
        if (unanswered > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {unanswered} questions got no answer"));
        }

        // The first few of each say what went wrong; the counts above say how often.
        foreach (var line in tally.Violations.Take(20).Select(v => "  " + v).Concat(tally.Errors.Take(20).Select(e => "  error: " + e)))
        {
            Console.WriteLine(line);
        }

        return violations == 0 && tally.Errors.Count == 0 ? 0 : 1;
    }

    private static bool TryCount(string[] args, int at, int fallback, int most, out int count)
    {
        count = fallback;
        return args.Length <= at || (int.TryParse(args[at], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1 && count <= most);
    }
}
