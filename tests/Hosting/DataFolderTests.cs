using SummitBot.Hosting;
using SummitBot.Retrieval;
using SummitBot.State;
using Microsoft.Extensions.Options;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Hosting;

/// <summary>Where the index and the SQLite state go: DataPath, else the install folder while writable, else the user's own folder.</summary>
public sealed class DataFolderTests
{
    [Fact]
    public void AWritableInstallFolder_KeepsTheData_AsACheckoutAlwaysHas()
    {
        var install = Directory.CreateTempSubdirectory("summitbot-install-");
        try
        {
            var data = DataFolder.Choose(configured: null, install.FullName);

            Assert.Equal(install.FullName, data.Path);
            Assert.False(data.MovedOut);
            Assert.Equal(Path.Combine(install.FullName, ".cache", "index"), data.Resolve(".cache/index"));
            Assert.Empty(install.GetFiles("*", SearchOption.AllDirectories));   // the write test leaves nothing behind
        }
        finally
        {
            install.Delete(recursive: true);
        }
    }

    [Fact]
    public void AnInstallFolderThatCannotBeWritten_SendsTheDataToTheUsersOwnFolder()
    {
        // Even root cannot create a file in /proc: an install folder no permission change could make writable.
        var data = DataFolder.Choose(configured: null, "/proc");

        Assert.True(data.MovedOut);
        Assert.Equal("SummitBot", Path.GetFileName(data.Path));
        Assert.True(Directory.Exists(data.Path));
        Assert.Equal(Path.Combine(data.Path, "data", "summitbot.db"), data.Resolve("data/summitbot.db"));
        Assert.Equal("/var/lib/summitbot/index", data.Resolve("/var/lib/summitbot/index"));
    }

    [Fact]
    public void DataPath_IsUsedAsGiven_RelativeToTheInstallFolder()
    {
        var data = DataFolder.Choose(configured: "../state", "/opt/summitbot/app");

        Assert.Equal("/opt/summitbot/state", data.Path);
        Assert.True(data.Configured);
        Assert.False(data.MovedOut);
    }

    [Fact]
    public async Task TheBot_PutsItsIndexAndStateDatabase_InDataPath()
    {
        var folder = Directory.CreateTempSubdirectory("summitbot-data-");
        try
        {
            await using (var bot = await BotHost.StartAsync(null, ["DataPath=" + folder.FullName, "Retrieval:IndexPath=index", "State:Path=state/bot.db"]))
            {
                Assert.Equal(Path.Combine(folder.FullName, "index"), bot.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value.IndexPath);
                Assert.Equal(Path.Combine(folder.FullName, "state", "bot.db"), bot.Services.GetRequiredService<IOptions<StateOptions>>().Value.Path);
                await bot.Services.GetRequiredService<KnowledgeBase>().GetAsync(CancellationToken.None);
            }

            Assert.True(File.Exists(Path.Combine(folder.FullName, "index", "current")));
            Assert.True(File.Exists(Path.Combine(folder.FullName, "state", "bot.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
