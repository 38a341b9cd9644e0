using System.Net.WebSockets;
using System.Text.Json;
using SummitBot.Protocol.Activities;

namespace SummitBot.DirectLine;

/// <summary>
/// The WebSocket a conversation's streamUrl opens: what the log kept after the given watermark, then every
/// activity as it is added, one ActivitySet a frame. One stream per conversation: a newer one closes the older
/// with "collision" (a reloaded page's socket replaces the one the old page left behind).
/// </summary>
public sealed class DirectLineSocket(DirectLineConversations conversations, DirectLineTokens tokens, IHostApplicationLifetime lifetime, ILogger<DirectLineSocket> logger)
{
    /// <summary>Incoming frames carry nothing the bot needs (clients post over HTTP); larger ones are refused.</summary>
    private const int MaxIncomingFrame = 4096;

    /// <summary>How long a client has to answer the bot's close before its socket is cut off.</summary>
    private static readonly TimeSpan ClosePatience = TimeSpan.FromSeconds(2);

    public async Task HandleAsync(HttpContext context, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await DirectLineErrors.BadArgument("Open the streamUrl as a WebSocket.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(tokens.StreamConversationOf(context.Request.Query["t"]), conversationId, StringComparison.Ordinal))
        {
            await DirectLineErrors.Forbidden().ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var log = await conversations.OpenAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var listener = log.Listen();
        using var open = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, listener.Superseded, lifetime.ApplicationStopping);
        var receiving = ReceiveUntilClosedAsync(socket, open, context.RequestAborted);
        try
        {
            // Listening began before the backlog is read, so nothing added in between is missed.
            var seen = Watermarks.Read(context.Request.Query["watermark"]);
            var backlog = log.KeptAfter(seen, long.MaxValue);
            if (backlog.Count > 0)
            {
                seen = backlog[^1].Number;
                await SendAsync(socket, new ActivitySet([.. backlog.Select(b => b.Activity)], Watermarks.Write(seen)), open.Token).ConfigureAwait(false);
            }

            while (!open.IsCancellationRequested)
            {
                var (activities, last) = await listener.ReadAsync(seen, open.Token).ConfigureAwait(false);
                if (activities.Count > 0)
                {
                    await SendAsync(socket, new ActivitySet(activities, last > seen ? Watermarks.Write(last) : null), open.Token).ConfigureAwait(false);
                    seen = last;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client left, a newer stream took over, or the bot is stopping: closed below.
        }
        catch (WebSocketException ex)
        {
            logger.LogDebug(ex, "A Direct Line stream broke");
        }

        await CloseAsync(socket, listener.Superseded.IsCancellationRequested ? "collision" : "closing").ConfigureAwait(false);
        if (await Task.WhenAny(receiving, Task.Delay(ClosePatience, CancellationToken.None)).ConfigureAwait(false) != receiving)
        {
            // A client that never answers the close is cut off.
            socket.Abort();
        }

        await receiving.ConfigureAwait(false);
    }

    private static Task SendAsync(WebSocket socket, ActivitySet set, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(set, ActivityJson.Options), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>
    /// Reads (and ignores) what the client sends, so its close and its keep-alive frames are seen. Not cancelled with
    /// the stream: cancelling a receive aborts the socket, and the close (with its reason) could not be sent.
    /// </summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource open, CancellationToken aborted)
    {
        var buffer = new byte[MaxIncomingFrame];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var received = await socket.ReceiveAsync(buffer, aborted).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed either way.
        }
        finally
        {
            await open.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task CloseAsync(WebSocket socket, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var patience = new CancellationTokenSource(ClosePatience);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, patience.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug(ex, "Could not close a Direct Line stream cleanly");
        }
    }
}
