using Microsoft.Extensions.Options;
using SummitBot.Conversations;
using SummitBot.Conversations.State;
using SummitBot.State;

namespace SummitBot.Tests.Conversations.State;

/// <summary>The conversation store contract against a SQLite file of the test's own.</summary>
public sealed class SqliteConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-state-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    protected override IConversationStore Create(ConversationOptions options, TimeProvider time) =>
        new DatabaseConversationStore(StateIn(folder), Options.Create(options), time);

    protected override Task<long> EstimatedBytesAsync(IConversationStore store) =>
        ((DatabaseConversationStore)store).EstimatedBytesAsync(CancellationToken.None);

    /// <summary>A state database in <paramref name="folder"/>.</summary>
    internal static SqliteState StateIn(DirectoryInfo folder) =>
        new(Options.Create(new StateOptions { Path = Path.Combine(folder.FullName, "state.db") }), new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = folder.FullName });
}
