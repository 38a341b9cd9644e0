using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SummitBot.Protocol.Activities;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Support;

/// <summary>How the fake Connector fails an attempt.</summary>
public enum ConnectorFault
{
    /// <summary>429 with Retry-After: 1, as Teams paces a bot.</summary>
    TooManyRequests,

    /// <summary>500.</summary>
    ServerError,

    /// <summary>The connection is dropped without a response.</summary>
    Reset,

    /// <summary>No response until the bot gives up on the attempt.</summary>
    Hang,
}

/// <summary>
/// A channel's Connector on 127.0.0.1: records every activity the bot posts and answers 200 {"id":…} (<see cref="IdFor"/>),
/// unless told to fail the next requests first (429 with Retry-After, 503, 400…), or the first attempt of
/// every activity (by its id) with a fault.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<PostedActivity> posted = [];
    private readonly Queue<(HttpStatusCode Status, string? RetryAfter)> failures = new();
    private readonly SemaphoreSlim arrivals = new(0);
    private readonly Dictionary<(string?, string), int> attemptsById = [];
    private ConnectorFault[] firstAttemptFaults = [];
    private LoopbackServer server = null!;

    private FakeChannel()
    {
    }

    /// <summary>The channel's root, such as http://127.0.0.1:12345 (no trailing slash).</summary>
    public string Root => server.BaseAddress.ToString().TrimEnd('/');

    public static async Task<FakeChannel> StartAsync()
    {
        var channel = new FakeChannel();
        channel.server = await LoopbackServer.StartAsync(app => app.Map("/{**path}", channel.ReceiveAsync));
        return channel;
    }

    /// <summary>Every request the bot made, failed ones included, in order.</summary>
    public IReadOnlyList<PostedActivity> Posted
    {
        get
        {
            lock (gate)
            {
                return [.. posted];
            }
        }
    }

    /// <summary>The next <paramref name="times"/> requests get <paramref name="status"/> instead of 200.</summary>
    public void FailNext(HttpStatusCode status, int times = 1, string? retryAfter = null)
    {
        lock (gate)
        {
            for (var i = 0; i < times; i++)
            {
                failures.Enqueue((status, retryAfter));
            }
        }
    }

    /// <summary>
    /// From now on, the first attempt of each activity the bot posts (told apart by conversation and id) fails with the next of
    /// <paramref name="faults"/>, in turn; later attempts of it succeed.
    /// </summary>
    public void FailFirstAttemptOfEach(params ConnectorFault[] faults)
    {
        lock (gate)
        {
            firstAttemptFaults = faults;
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests satisfying <paramref name="match"/> arrived; fails the test after 10 s.</summary>
    public async Task<IReadOnlyList<PostedActivity>> WaitForAsync(Func<PostedActivity, bool> match, int count = 1)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = Posted.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            try
            {
                await arrivals.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} matching requests; the channel got: {string.Join(" | ", Posted.Select(p => p.ToString()))}");
            }
        }
    }

    /// <summary>The first message activity the bot posted that carries text (not a typing indicator).</summary>
    public async Task<Activity> WaitForMessageAsync(int count = 1) =>
        (await WaitForAsync(p => p.Succeeded && p.Activity.Type == ActivityTypes.Message, count))[count - 1].Activity;

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        arrivals.Dispose();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, ActivityJson.Options, context.RequestAborted) ?? new Activity();
        (HttpStatusCode Status, string? RetryAfter) answer;
        ConnectorFault? fault;
        lock (gate)
        {
            fault = FirstAttemptFault(activity.Conversation?.Id, activity.Id);
            answer = fault switch
            {
                ConnectorFault.TooManyRequests => (HttpStatusCode.TooManyRequests, "1"),
                ConnectorFault.ServerError => (HttpStatusCode.InternalServerError, null),
                null when failures.Count > 0 => failures.Dequeue(),
                null => (HttpStatusCode.OK, null),
                _ => (HttpStatusCode.OK, null),
            };
            var succeeded = fault is null && answer.Status == HttpStatusCode.OK;
            posted.Add(new PostedActivity(
                context.Request.Method,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                context.Request.Headers.Authorization.ToString(),
                context.Request.ContentType,
                activity,
                succeeded));
        }

        arrivals.Release();
        if (fault is ConnectorFault.Reset)
        {
            context.Abort();
            return;
        }

        if (fault is ConnectorFault.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = (int)answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }

        if (answer.Status == HttpStatusCode.OK)
        {
            await context.Response.WriteAsJsonAsync(new { id = IdFor(activity) }, context.RequestAborted);
        }
    }

    /// <summary>The id the channel gives a posted activity: its own id, marked as the channel's (so a test can tell which it is).</summary>
    public static string IdFor(Activity activity) => activity.Id is { Length: > 0 } id ? "channel:" + id : Guid.NewGuid().ToString("N");

    /// <summary>The fault for this attempt: one for the first attempt of each activity while faults are set, none after.</summary>
    /// <remarks>Activity ids are unique within a conversation, so the conversation is part of the key.</remarks>
    private ConnectorFault? FirstAttemptFault(string? conversationId, string? id)
    {
        if (firstAttemptFaults.Length == 0 || id is null)
        {
            return null;
        }

        var key = (conversationId, id);
        attemptsById[key] = attemptsById.GetValueOrDefault(key) + 1;
        return attemptsById[key] == 1 ? firstAttemptFaults[(attemptsById.Count - 1) % firstAttemptFaults.Length] : null;
    }
}

/// <param name="Path">The raw request target, still escaped as the bot sent it.</param>
/// <param name="Succeeded">Whether the channel answered it with 200.</param>
public sealed record PostedActivity(string Method, string Path, string Authorization, string? ContentType, Activity Activity, bool Succeeded)
{
    public override string ToString() => $"{Method} {Path} {Activity.Type} \"{Activity.Text}\" {(Succeeded ? "200" : "failed")}";
}
