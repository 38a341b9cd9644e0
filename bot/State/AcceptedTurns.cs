using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SummitBot.Protocol.Activities;

namespace SummitBot.State;

/// <summary>An accepted turn as the database holds it until its replies are delivered.</summary>
public sealed record StoredTurn(long Id, Activity Activity);

/// <summary>
/// Every turn acknowledged with 200 and answered in the background, kept in the state database until its replies
/// are delivered, so a crash loses none. Each is leased to the instance answering it, which renews the lease while
/// it holds the turn; a turn whose lease ran out (its instance died) is taken over by whichever instance claims it first.
/// </summary>
public sealed class AcceptedTurns(IStateDatabase state, IOptions<StateOptions> options, TimeProvider time, ILogger<AcceptedTurns> logger)
{
    private readonly TimeSpan lease = options.Value.TurnLease;
    private readonly ConcurrentDictionary<long, byte> held = new();

    /// <summary>This instance, as the owner of the turns it holds.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    public TimeSpan Lease => lease;

    /// <returns>The stored turn's id.</returns>
    public async Task<long> AddAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.Command(null, "INSERT INTO accepted_turns (activity, owner, lease_until, accepted_at) VALUES (@activity, @owner, @until, @now) RETURNING id")
            .With("@activity", JsonSerializer.Serialize(activity, ActivityJson.Options))
            .With("@owner", Owner)
            .With("@until", Until())
            .With("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        var id = await insert.ScalarAsync(cancellationToken).ConfigureAwait(false);
        held[id] = 0;
        return id;
    }

    /// <summary>Keeps a turn about to be acknowledged, so a crash cannot lose it; if the database fails, the turn is still answered, only not kept.</summary>
    /// <returns>The stored turn's id, or null when it could not be kept (logged).</returns>
    public async Task<long?> TryAddAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            return await AddAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not keep an accepted {Type} activity; it is answered, but a crash now would lose it", Hosting.LogValue.Shorten(activity.Type));
            return null;
        }
    }

    /// <summary>Forgets a kept turn the queue refused: the sender is told to try again. Should the row stay, the turn is answered twice, never lost.</summary>
    public async Task ForgetRefusedAsync(long? id)
    {
        if (id is not { } stored)
        {
            return;
        }

        try
        {
            await RemoveAsync(stored, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not forget a refused turn; it may be answered as well as retried");
        }
    }

    /// <summary>The turn is answered and its replies delivered (or given up): nothing to recover.</summary>
    public async Task RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await state.ExecuteAsync("DELETE FROM accepted_turns WHERE id = @id", cancellationToken, ("@id", id)).ConfigureAwait(false);
        held.TryRemove(id, out _);
    }

    /// <summary>Gives a turn this instance could not queue back to whoever claims it next.</summary>
    public async Task ReleaseAsync(long id, CancellationToken cancellationToken)
    {
        held.TryRemove(id, out _);
        await state.ExecuteAsync("UPDATE accepted_turns SET owner = '', lease_until = 0 WHERE id = @id AND owner = @owner", cancellationToken, ("@id", id), ("@owner", Owner)).ConfigureAwait(false);
    }

    /// <summary>Says this instance is still at the turns it holds.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        if (held.IsEmpty)
        {
            return;
        }

        await state.ExecuteAsync("UPDATE accepted_turns SET lease_until = @until WHERE owner = @owner", cancellationToken, ("@until", Until()), ("@owner", Owner)).ConfigureAwait(false);
    }

    /// <summary>Takes over up to <paramref name="max"/> turns whose lease ran out, oldest first.</summary>
    public async Task<IReadOnlyList<StoredTurn>> ClaimExpiredAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The lease is checked again on the row itself, so of two instances claiming at once only one gets each turn.
        await using var claim = connection.Command(
                null,
                """
                UPDATE accepted_turns SET owner = @owner, lease_until = @until
                WHERE lease_until < @now AND id IN (SELECT id FROM accepted_turns WHERE lease_until < @now ORDER BY id LIMIT @max)
                RETURNING id, activity
                """)
            .With("@owner", Owner).With("@until", Until()).With("@now", now).With("@max", (long)max);
        var claimed = new List<StoredTurn>();
        await using var rows = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = rows.GetInt64(0);
            held[id] = 0;
            claimed.Add(new StoredTurn(id, JsonSerializer.Deserialize<Activity>(rows.GetString(1), ActivityJson.Options)!));
        }

        return [.. claimed.OrderBy(t => t.Id)];
    }

    /// <returns>How many turns wait in the database, whoever holds them.</returns>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var count = connection.Command(null, "SELECT COUNT(*) FROM accepted_turns");
        return await count.ScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private long Until() => (time.GetUtcNow() + lease).ToUnixTimeMilliseconds();
}
