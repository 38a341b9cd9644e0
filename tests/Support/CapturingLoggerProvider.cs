using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SummitBot.Tests.Support;

/// <summary>Keeps every log line at every level, so a test can see what was (and was not) written, or what the bot decided (a retry's delay) without timing it.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _lines];

    /// <summary>Waits until a line satisfying <paramref name="match"/> is written; fails the test after 15 s.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            if (_lines.FirstOrDefault(line => match(line.Message)) is { Message: { } found })
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No such log line; the bot wrote: " + string.Join(" | ", _lines.Select(l => l.Message)));
            }

            await Task.Delay(20);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public ILogger<T> CreateLogger<T>() => LoggerFactory.Create(builder => builder.AddProvider(this)).CreateLogger<T>();

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
