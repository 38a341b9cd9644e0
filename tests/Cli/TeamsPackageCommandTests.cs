using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;
using SummitBot.Cli;
using SummitBot.Tests.Teams;

namespace SummitBot.Tests.Cli;

/// <summary>`teams-package` as a user runs it, with configuration given on its command line.</summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string BotId = "3f0c4b7e-8d1a-4c52-9e7b-6a2f1d0c9b84";
    private readonly string _folder = Directory.CreateTempSubdirectory("summitbot-teams-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void TeamsPackage_WithAnAppId_WritesAZipWithTheManifestAndBothIcons()
    {
        var zipPath = Path.Combine(_folder, "nested", "SummitBot.zip");

        var exitCode = Run("--output", zipPath, $"--MicrosoftAppId={BotId}", "--BotProtocol:PublicBaseUrl=https://summitbot.example.org");

        Assert.Equal(0, exitCode);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(entry => entry.FullName).Order());
        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!;
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("1.29", (string?)manifest["manifestVersion"]);
        Assert.True(Guid.TryParse((string?)manifest["id"], out _));
        Assert.Equal((192, 192), Size(PngReader.Read(Read(zip, "color.png"))));
        Assert.Equal((32, 32), Size(PngReader.Read(Read(zip, "outline.png"))));
        Assert.Contains(zipPath, _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TeamsPackage_Twice_ReplacesThePackage()
    {
        var zipPath = Path.Combine(_folder, "SummitBot.zip");
        string[] args = ["--output", zipPath, $"--MicrosoftAppId={BotId}", "--BotProtocol:PublicBaseUrl=https://summitbot.example.org"];

        Assert.Equal(0, Run(args));
        Assert.Equal(0, Run(args));
    }

    [Fact]
    public void TeamsPackage_WithoutAnAppId_ExitsWithCode2AndSaysWhatToSet()
    {
        var zipPath = Path.Combine(_folder, "SummitBot.zip");

        var exitCode = Run("--output", zipPath, "--MicrosoftAppId=", "--BotProtocol:PublicBaseUrl=https://summitbot.example.org");

        Assert.Equal(2, exitCode);
        Assert.Contains("MicrosoftAppId", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public void CommandLine_RecognisesTheCommand()
    {
        Assert.True(CommandLine.Handles(["teams-package"]));
    }

    private int Run(params string[] args) =>
        new RootCommand { TeamsPackageCommand.Create() }
            .Parse(["teams-package", .. args])
            .Invoke(new InvocationConfiguration { Output = _output, Error = _error });

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static (int, int) Size((int Width, int Height, byte[] Rgba) image) => (image.Width, image.Height);

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
