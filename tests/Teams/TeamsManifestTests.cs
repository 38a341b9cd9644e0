using System.Text.Json.Nodes;
using SummitBot.Teams;

namespace SummitBot.Tests.Teams;

public sealed class TeamsManifestTests
{
    private const string BotId = "3f0c4b7e-8d1a-4c52-9e7b-6a2f1d0c9b84";
    private const string Public = "https://summitbot.example.org";

    [Fact]
    public void Create_FillsEveryPlaceholderWithThisDeploymentsValues()
    {
        var manifest = Create(BotId, "https://summitbot.example.org/bot/", new TeamsPackageOptions());

        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal("1.29", (string?)manifest["manifestVersion"]);
        Assert.Equal("1.0.0", (string?)manifest["version"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["summitbot.example.org"], manifest["validDomains"]!.AsArray().Select(domain => (string?)domain));
        Assert.Equal("https://summitbot.example.org/bot/", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_HasTheFieldsTheSchemaRequires()
    {
        var manifest = Create(BotId, Public, new TeamsPackageOptions());

        foreach (var field in new[] { "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor" })
        {
            Assert.NotNull(manifest[field]);
        }

        Assert.False(string.IsNullOrWhiteSpace((string?)manifest["developer"]!["name"]));
        foreach (var field in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://", (string?)manifest["developer"]![field], StringComparison.Ordinal);
        }

        Assert.True(((string?)manifest["name"]!["short"])!.Length <= 30);
        Assert.True(((string?)manifest["description"]!["short"])!.Length <= 80);
        Assert.Equal("color.png", (string?)manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)manifest["icons"]!["outline"]);
        var scopes = manifest["bots"]![0]!["scopes"]!.AsArray().Select(scope => (string?)scope).ToList();
        Assert.InRange(scopes.Count, 1, 3);
        Assert.Contains("personal", scopes);
    }

    [Fact]
    public void Create_WithoutAConfiguredAppId_DerivesTheSameGuidEveryTime()
    {
        var options = new TeamsPackageOptions();

        var first = (string?)Create(BotId, Public, options)["id"];
        var second = (string?)Create(BotId.ToUpperInvariant(), Public, options)["id"];
        var otherBot = (string?)Create("0d1e2f3a-0000-4000-8000-000000000000", Public, options)["id"];

        Assert.True(Guid.TryParse(first, out _));
        Assert.Equal(first, second);
        Assert.NotEqual(first, otherBot);
        Assert.NotEqual(BotId, first);
    }

    [Fact]
    public void Create_WithAConfiguredAppId_UsesIt()
    {
        var manifest = Create(BotId, Public, new TeamsPackageOptions { AppId = "11111111-2222-4333-8444-555555555555" });

        Assert.Equal("11111111-2222-4333-8444-555555555555", (string?)manifest["id"]);
    }

    [Theory]
    [InlineData(null, "https://summitbot.example.org", "No MicrosoftAppId")]
    [InlineData("my-bot", "https://summitbot.example.org", "must be a GUID")]
    [InlineData(BotId, null, "BotProtocol:PublicBaseUrl")]
    [InlineData(BotId, "http://summitbot.example.org", "BotProtocol:PublicBaseUrl")]
    public void Create_WithConfigurationThatCannotMakeAValidManifest_ExplainsWhy(string? botId, string? publicBaseUrl, string problem)
    {
        var (manifest, problems) = TeamsManifest.Create(botId, publicBaseUrl, new TeamsPackageOptions());

        Assert.Null(manifest);
        Assert.Contains(problems, line => line.Contains(problem, StringComparison.Ordinal));
    }

    private static JsonObject Create(string botId, string publicBaseUrl, TeamsPackageOptions options)
    {
        var (manifest, problems) = TeamsManifest.Create(botId, publicBaseUrl, options);
        Assert.Empty(problems);
        return manifest!;
    }
}
