using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SummitBot.Hosting;

namespace SummitBot.Teams;

/// <summary>
/// Fills the manifest template (manifest.template.json, on the Teams app schema 1.29) with this deployment's ids
/// and addresses. Returns the problems instead when the configuration cannot make a valid manifest.
/// </summary>
public static class TeamsManifest
{
    /// <summary>The bot's public address, one key for the endpoint's citation links and for this manifest.</summary>
    public const string PublicBaseUrlKey = "BotProtocol:PublicBaseUrl";

    private const string TemplateResource = "SummitBot.Teams.manifest.template.json";

    /// <param name="botId">MicrosoftAppId: the Azure Bot's app id.</param>
    /// <param name="publicBaseUrl">The https address the bot is reachable at; its host goes to validDomains.</param>
    public static (JsonObject? Manifest, IReadOnlyList<string> Problems) Create(string? botId, string? publicBaseUrl, TeamsPackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(botId))
        {
            problems.Add("No MicrosoftAppId is configured: Teams needs the Azure Bot's app id as the manifest's botId. Set MicrosoftAppId (for example the environment variable MicrosoftAppId=<app id>).");
        }
        else if (!Guid.TryParse(botId, out _))
        {
            problems.Add("MicrosoftAppId must be a GUID (the Azure Bot's Microsoft App ID) to be used as the manifest's botId.");
        }

        if (!string.IsNullOrWhiteSpace(options.AppId) && !Guid.TryParse(options.AppId, out _))
        {
            problems.Add("Teams:AppId must be a GUID, or empty to derive one from MicrosoftAppId.");
        }

        if (!IsHttps(publicBaseUrl))
        {
            problems.Add($"{PublicBaseUrlKey} must be the https address where the bot is reachable (for example https://summitbot.example.org).");
        }

        foreach (var (key, value) in new[] { ("WebsiteUrl", options.WebsiteUrl), ("PrivacyUrl", options.PrivacyUrl), ("TermsOfUseUrl", options.TermsOfUseUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsHttps(value))
            {
                problems.Add($"Teams:{key} must be an https address, or empty to use {PublicBaseUrlKey}.");
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var publicBase = new Uri(publicBaseUrl!);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = options.Version,
            ["appId"] = string.IsNullOrWhiteSpace(options.AppId) ? DeriveAppId(botId!).ToString() : Guid.Parse(options.AppId).ToString(),
            ["botId"] = Guid.Parse(botId!).ToString(),
            ["developerName"] = options.DeveloperName,
            ["websiteUrl"] = OrDefault(options.WebsiteUrl, publicBase),
            ["privacyUrl"] = OrDefault(options.PrivacyUrl, publicBase),
            ["termsOfUseUrl"] = OrDefault(options.TermsOfUseUrl, publicBase),
            ["publicHost"] = publicBase.Authority,
        };
        var manifest = JsonNode.Parse(EmbeddedText.Read(TemplateResource))!.AsObject();
        Fill(manifest, values);
        return (manifest, problems);
    }

    /// <summary>
    /// A GUID that is the same every time for one bot id, so re-uploading the package updates the app instead of
    /// adding a second one (RFC 9562 version 8: name-based, from SHA-256).
    /// </summary>
    public static Guid DeriveAppId(string botId)
    {
        ArgumentNullException.ThrowIfNull(botId);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("SummitBot Teams app for bot " + botId.Trim().ToUpperInvariant()))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static void Fill(JsonNode manifest, Dictionary<string, string> values)
    {
        foreach (var value in Descendants(manifest).OfType<JsonValue>().ToList())
        {
            if (value.TryGetValue<string>(out var text) && text.StartsWith("{{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))
            {
                value.ReplaceWith(values[text[2..^2]]);
            }
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(property => property.Value),
            JsonArray array => array,
            _ => [],
        };
        return children.OfType<JsonNode>().SelectMany(child => Descendants(child).Prepend(child));
    }

    private static bool IsHttps(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static string OrDefault(string? value, Uri publicBase) =>
        string.IsNullOrWhiteSpace(value) ? publicBase.ToString() : value;
}
