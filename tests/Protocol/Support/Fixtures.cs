using System.Text.Json.Nodes;
using SummitBot.Hosting;

namespace SummitBot.Tests.Protocol.Support;

/// <summary>Activities shaped like each channel's, from tests/Protocol/Fixtures, pointed at a fake channel.</summary>
public static class Fixtures
{
    /// <param name="name">The file name without .json, such as `teams-personal-message`.</param>
    public static JsonObject Load(string name, FakeChannel channel) => Load(name, channel.Root);

    /// <param name="channelRoot">What the fixture's serviceUrl starts with, such as http://127.0.0.1:12345.</param>
    public static JsonObject Load(string name, string channelRoot)
    {
        var path = Path.Combine(Folder, name + ".json");
        return JsonNode.Parse(File.ReadAllText(path).Replace("{{channel}}", channelRoot, StringComparison.Ordinal))!.AsObject();
    }

    /// <summary>Every fixture's name, for tests that hold for all of them.</summary>
    public static IEnumerable<string> Names => Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    private static string Folder => Path.Combine(RepositoryRoot.Locate(), "tests", "Protocol", "Fixtures");

    /// <summary>The fixture with some fields replaced, such as its text or conversation id.</summary>
    public static JsonObject With(this JsonObject activity, string field, JsonNode? value)
    {
        var copy = activity.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }
}
