using SummitBot.Hosting;

namespace SummitBot.Tests.Hosting;

public sealed class RepositoryRootTests
{
    [Fact]
    public void Locate_FromTheTestBinaries_FindsTheFolderWithTheSolutionAndConfiguration()
    {
        var root = RepositoryRoot.Locate();

        Assert.True(File.Exists(Path.Combine(root, "SummitBot.sln")));
        Assert.True(File.Exists(Path.Combine(root, "appsettings.json")));
    }

    [Fact]
    public void APublishedBot_UsesItsOwnFolder_EvenWhenStartedInsideACheckout()
    {
        var published = Directory.CreateTempSubdirectory("summitbot-published-");
        try
        {
            File.WriteAllText(Path.Combine(published.FullName, "appsettings.json"), "{}");

            var root = RepositoryRoot.Locate(fromEnvironment: null, workingDirectory: RepositoryRoot.Locate(), binaries: published.FullName);

            Assert.Equal(published.FullName, root);
        }
        finally
        {
            published.Delete(recursive: true);
        }
    }

    [Fact]
    public void ABuiltBot_StartedFromAnotherFolder_FindsTheCheckoutAboveItsBinaries()
    {
        var checkout = RepositoryRoot.Locate();
        var binaries = Path.Combine(checkout, "bot", "bin", "Debug", "net10.0");

        Assert.Equal(checkout, RepositoryRoot.Locate(fromEnvironment: null, workingDirectory: Path.GetTempPath(), binaries: binaries));
    }

    [Fact]
    public void SummitBotRoot_WinsOverEverything()
    {
        Assert.Equal(Path.GetFullPath("/srv/summitbot"), RepositoryRoot.Locate("/srv/summitbot", RepositoryRoot.Locate(), AppContext.BaseDirectory));
    }
}
