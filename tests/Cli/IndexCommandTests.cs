using SummitBot.Cli;
using SummitBot.Retrieval;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Cli;

public sealed class IndexCommandTests : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("summitbot-index-command-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Fact]
    public async Task Index_BuildsAMissingIndex_ThenFindsItUpToDate_AndRebuildsOnRequest()
    {
        var (first, firstOut) = await RunAsync(rebuild: false);
        var (second, secondOut) = await RunAsync(rebuild: false);
        var (third, thirdOut) = await RunAsync(rebuild: true);

        Assert.Equal([0, 0, 0], new[] { first, second, third });
        Assert.Contains("Indexing passages", firstOut, StringComparison.Ordinal);
        Assert.Contains("built", firstOut, StringComparison.Ordinal);
        Assert.Contains("up to date", secondOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Indexing passages", secondOut, StringComparison.Ordinal);
        Assert.Contains("Indexing passages", thirdOut, StringComparison.Ordinal);
        Assert.Contains(TestCorpus.Load().Articles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), firstOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_OfAMissingArticlesFolder_FailsWithTheReason()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await IndexCommand.RunAsync(false, CommandOutput.Plain(output, error), services => services.PostConfigure<RetrievalOptions>(o =>
        {
            o.ArticlesPath = Path.Combine(scratch.FullName, "no-such-folder");
            o.IndexPath = Path.Combine(scratch.FullName, "index");
        }), CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("no-such-folder", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RunAsync(bool rebuild)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IndexCommand.RunAsync(rebuild, CommandOutput.Plain(output, error),
            services => services.PostConfigure<RetrievalOptions>(o => o.IndexPath = Path.Combine(scratch.FullName, "index")), CancellationToken.None);
        return (exit, output.ToString());
    }
}
