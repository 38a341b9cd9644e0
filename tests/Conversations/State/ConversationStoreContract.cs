using SummitBot.Answering;
using SummitBot.Conversations;
using SummitBot.Conversations.State;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Conversations.State;

/// <summary>
/// What every conversation store must do, whatever keeps it: each store's test class runs these against its own
/// database (SQLite here; PostgreSQL to come, issue 12).
/// </summary>
public abstract class ConversationStoreContract
{
    private static readonly ConversationKey Conversation = new("msteams", "a:1");
    private readonly ManualClock clock = new();

    /// <summary>A new, empty store with these limits, on this clock.</summary>
    protected abstract IConversationStore Create(ConversationOptions options, TimeProvider time);

    protected abstract Task<long> EstimatedBytesAsync(IConversationStore store);

    [Fact]
    public async Task History_KeepsOnlyTheLastTurns_OldestFirst()
    {
        var store = Store(new ConversationOptions { MaxTurns = 2 });

        for (var i = 1; i <= 3; i++)
        {
            await store.AppendAsync(Conversation, new ConversationTurn($"q{i}", $"a{i}"), CancellationToken.None);
        }

        Assert.Equal(["q2", "q3"], (await History(store)).Select(t => t.Question));
    }

    [Fact]
    public async Task History_DropsTheOldestTurnsOverTheCharacterBudget_AndShortensATurnLargerThanTheWholeBudget()
    {
        var store = Store(new ConversationOptions { MaxHistoryCharacters = 20 });

        await store.AppendAsync(Conversation, new ConversationTurn("q1", "12345678"), CancellationToken.None);
        await store.AppendAsync(Conversation, new ConversationTurn("q2", "abcdefgh"), CancellationToken.None);
        Assert.Equal(["q1", "q2"], (await History(store)).Select(t => t.Question));

        await store.AppendAsync(Conversation, new ConversationTurn("q3", new string('z', 50)), CancellationToken.None);
        var turn = Assert.Single(await History(store));
        Assert.Equal("q3", turn.Question);
        Assert.Equal(18, turn.Answer.Length);
    }

    [Fact]
    public async Task TurnsOlderThanTheMaximumAge_AreForgotten()
    {
        var store = Store(new ConversationOptions { MaxTurnAge = TimeSpan.FromMinutes(30) });
        await store.AppendAsync(Conversation, new ConversationTurn("old", "a"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(20));
        await store.AppendAsync(Conversation, new ConversationTurn("recent", "a"), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(["recent"], (await History(store)).Select(t => t.Question));
    }

    [Fact]
    public async Task BeyondTheMaximumNumberOfConversations_TheIdlestIsForgotten()
    {
        var store = Store(new ConversationOptions { MaxConversations = 2 });
        ConversationKey[] keys = [new("c", "1"), new("c", "2"), new("c", "3")];
        foreach (var key in keys)
        {
            await store.AppendAsync(key, new ConversationTurn("q", "a"), CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Empty(await store.GetHistoryAsync(keys[0], CancellationToken.None));
        Assert.Single(await store.GetHistoryAsync(keys[2], CancellationToken.None));
    }

    [Fact]
    public async Task Conversations_AreKeyedByChannelAndId_AndClearedOneAtATime()
    {
        var store = Store(new ConversationOptions());
        var sameIdOtherChannel = new ConversationKey("webchat", Conversation.ConversationId);
        await store.AppendAsync(Conversation, new ConversationTurn("teams", "a"), CancellationToken.None);
        await store.AppendAsync(sameIdOtherChannel, new ConversationTurn("webchat", "a"), CancellationToken.None);

        await store.ClearAsync(Conversation, CancellationToken.None);

        Assert.Empty(await History(store));
        Assert.Equal("webchat", Assert.Single(await store.GetHistoryAsync(sameIdOtherChannel, CancellationToken.None)).Question);
    }

    [Fact]
    public async Task BeyondTheByteBudget_TheIdlestConversationsAreForgotten_HoweverFewTheyAre()
    {
        // Each conversation: a 10,000-character id (20,000 bytes as UTF-16) and one short turn, so three fit in
        // 64 KiB and a fourth does not, far below the count limit.
        var store = Store(new ConversationOptions { MaxStoreBytes = 64 * 1024, MaxConversations = 10_000 });
        var keys = Enumerable.Range(1, 4).Select(i => new ConversationKey("c", i + new string('x', 10_000))).ToList();
        foreach (var key in keys)
        {
            await store.AppendAsync(key, new ConversationTurn("q", "a"), CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.InRange(await EstimatedBytesAsync(store), 1, 64 * 1024);
        }

        Assert.Empty(await store.GetHistoryAsync(keys[0], CancellationToken.None));
        foreach (var kept in keys.Skip(1))
        {
            Assert.Single(await store.GetHistoryAsync(kept, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ByteEstimate_CountsKeysAndTextAsUtf16_AndFallsAsTurnsAreForgotten()
    {
        var store = Store(new ConversationOptions { MaxTurns = 1 });
        var key = new ConversationKey("msteams", "a:1");

        await store.AppendAsync(key, new ConversationTurn("question", new string('a', 1000)), CancellationToken.None);
        var withLongAnswer = await EstimatedBytesAsync(store);
        await store.AppendAsync(key, new ConversationTurn("question", "short"), CancellationToken.None);
        var withShortAnswer = await EstimatedBytesAsync(store);
        await store.ClearAsync(key, CancellationToken.None);

        Assert.Equal(ConversationBudget.EstimateBytes(key, [new ConversationTurn("question", new string('a', 1000))]), withLongAnswer);
        Assert.Equal(2 * (1000 - "short".Length), withLongAnswer - withShortAnswer);
        Assert.Equal(0, await EstimatedBytesAsync(store));
    }

    private IConversationStore Store(ConversationOptions options) => Create(options, clock);

    private static Task<IReadOnlyList<ConversationTurn>> History(IConversationStore store) =>
        store.GetHistoryAsync(Conversation, CancellationToken.None);
}
