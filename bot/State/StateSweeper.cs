using Microsoft.Extensions.Options;
using SummitBot.Conversations;

namespace SummitBot.State;

/// <summary>
/// Makes the database ready at start (a schema newer than this build stops the bot here, with the reason), then
/// removes in the background what the limits say is gone: turns past Conversations:MaxTurnAge, conversations left
/// with none, feedback beyond the newest Conversations:MaxFeedbackEntries, sent answers beyond what conversations hold, web chat activities older than a day.
/// </summary>
public sealed class StateSweeper(IStateDatabase state, IOptions<StateOptions> options, IOptions<ConversationOptions> limits, TimeProvider time, ILogger<StateSweeper> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await state.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Conversation history and feedback are kept in {Database}", state.Describe);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One sweep; the background loop runs it every State:SweepInterval.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var oldest = (time.GetUtcNow() - limits.Value.MaxTurnAge).ToUnixTimeMilliseconds();
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var sweep = connection.Command(null, """
            DELETE FROM conversation_turns WHERE at < @oldest;
            DELETE FROM conversations WHERE NOT EXISTS (
                SELECT 1 FROM conversation_turns t WHERE t.channel_id = conversations.channel_id AND t.conversation_id = conversations.conversation_id);
            DELETE FROM feedback WHERE id <= (SELECT id FROM feedback ORDER BY id DESC LIMIT 1 OFFSET @keep);
            DELETE FROM sent_answers WHERE sent_at < (SELECT sent_at FROM sent_answers ORDER BY sent_at DESC LIMIT 1 OFFSET @keepAnswers);
            DELETE FROM directline_activities WHERE at < @oldestWebChat;
            DELETE FROM directline_conversations WHERE last_active < @oldestWebChat;
            """)
            .With("@oldest", oldest)
            .With("@oldestWebChat", (time.GetUtcNow() - DirectLine.DirectLineArchive.KeptFor).ToUnixTimeMilliseconds())
            .With("@keep", (long)limits.Value.MaxFeedbackEntries)
            // Answers are kept as long as they may still be rated: as many as conversations hold turns.
            .With("@keepAnswers", (long)limits.Value.MaxConversations * Math.Max(1, limits.Value.MaxTurns));
        await sweep.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next sweep tries again; until then the limits are only enforced on append.
                logger.LogError(ex, "Sweeping the state database ({Database}) failed", state.Describe);
            }
        }
    }
}
