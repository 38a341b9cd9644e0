using Microsoft.Extensions.Options;
using SummitBot.Conversations;
using SummitBot.Conversations.State;
using SummitBot.State;
using SummitBot.Tests.State.Support;

namespace SummitBot.Tests.Conversations.State;

/// <summary>The conversation store contract against PostgreSQL: a database of its own per test, on the test run's throwaway cluster.</summary>
public sealed class PostgresConversationStoreTests : ConversationStoreContract, IAsyncLifetime, IAsyncDisposable
{
    private PostgresState database = null!;

    public async Task InitializeAsync() => database = new PostgresState(await PostgresServer.NewDatabaseAsync());

    public async Task DisposeAsync() => await database.DisposeAsync();

    ValueTask IAsyncDisposable.DisposeAsync() => database.DisposeAsync();

    protected override IConversationStore Create(ConversationOptions options, TimeProvider time) =>
        new DatabaseConversationStore(database, Options.Create(options), time);

    protected override Task<long> EstimatedBytesAsync(IConversationStore store) =>
        ((DatabaseConversationStore)store).EstimatedBytesAsync(CancellationToken.None);
}
