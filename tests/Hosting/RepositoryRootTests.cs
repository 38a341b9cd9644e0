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
}
