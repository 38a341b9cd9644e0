using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SummitBot.Tests.Protocol.Support;

/// <summary>
/// Stands in for the network under the bot's Connector HttpClient: records every request the bot would have sent,
/// wherever it was addressed, and answers each with 200 {"id":…}, so a test can point the bot at a host that is
/// not loopback and see exactly what it tried to reach, without reaching anything.
/// </summary>
public sealed class RecordingConnector : HttpMessageHandler
{
    private readonly ConcurrentQueue<Uri> requests = new();
    private readonly SemaphoreSlim arrivals = new(0);

    /// <summary>The address of every request, in order.</summary>
    public IReadOnlyList<Uri> Requests => [.. requests];

    /// <summary>Waits for a request whose address starts with <paramref name="prefix"/>; fails the test after 10 s.</summary>
    public async Task<Uri> WaitForAsync(string prefix)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Requests.FirstOrDefault(r => r.AbsoluteUri.StartsWith(prefix, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            try
            {
                await arrivals.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No request to {prefix}; the bot sent: {string.Join(" | ", Requests)}");
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        requests.Enqueue(request.RequestUri!);
        arrivals.Release();
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($"{{\"id\":\"{Guid.NewGuid():N}\"}}", Encoding.UTF8, "application/json"),
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            arrivals.Dispose();
        }

        base.Dispose(disposing);
    }
}
