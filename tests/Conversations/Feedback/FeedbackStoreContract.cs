using Microsoft.Data.Sqlite;
using SummitBot.Conversations;
using SummitBot.Conversations.Feedback;
using SummitBot.State;
using SummitBot.Tests.Conversations.State;
using SummitBot.Tests.State.Support;

namespace SummitBot.Tests.Conversations.Feedback;

/// <summary>What the feedback store must do, in either database.</summary>
public abstract class FeedbackStoreContract
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    protected abstract IStateDatabase Database { get; }

    [Fact]
    public async Task Feedback_IsListedOldestFirst_WithTheAnswerItRates_WhenThatWasKept()
    {
        var store = new DatabaseFeedbackStore(Database);
        var conversation = new ConversationKey("msteams", "a:1");
        await store.RecordAnswerAsync(new SentAnswer(conversation, "m1", "Where?", "Tokyo [1].", ["[1] A (a)"], Monday), CancellationToken.None);
        await store.RecordAnswerAsync(new SentAnswer(conversation, "m1", "Where did they meet?", "In Tokyo [1].", ["[1] A (a)"], Monday), CancellationToken.None);
        await store.AddAsync(new UserFeedback(conversation, "m1", "like", null, "u1", Monday.AddMinutes(1)), CancellationToken.None);
        await store.AddAsync(new UserFeedback(conversation, "unknown", "dislike", "Hm, \"no\".", null, Monday.AddMinutes(2)), CancellationToken.None);

        var listed = await store.ListAsync(CancellationToken.None);

        Assert.Equal(["like", "dislike"], listed.Select(f => f.Reaction));
        Assert.Equal("Where did they meet?", listed[0].Answer?.Question);
        Assert.Equal(["[1] A (a)"], listed[0].Answer?.Citations);
        Assert.Null(listed[1].Answer);
        Assert.Equal("Hm, \"no\".", listed[1].Text);
        Assert.Equal(Monday.AddMinutes(2), listed[1].ReceivedAt);
    }
}

public sealed class SqliteFeedbackStoreTests : FeedbackStoreContract, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-feedback-store-");

    public SqliteFeedbackStoreTests() => Database = SqliteConversationStoreTests.StateIn(folder);

    protected override IStateDatabase Database { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}

public sealed class PostgresFeedbackStoreTests : FeedbackStoreContract, IAsyncLifetime, IAsyncDisposable
{
    private PostgresState database = null!;

    protected override IStateDatabase Database => database;

    public async Task InitializeAsync() => database = new PostgresState(await PostgresServer.NewDatabaseAsync());

    public async Task DisposeAsync() => await database.DisposeAsync();

    ValueTask IAsyncDisposable.DisposeAsync() => database.DisposeAsync();
}
