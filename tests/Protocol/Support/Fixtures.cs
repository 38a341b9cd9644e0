using System.Text.Json.Nodes;
using SummitBot.Hosting;

namespace SummitBot.Tests.Protocol.Support;

/// <summary>Activities shaped like each channel's, from tests/Protocol/Fixtures, pointed at a fake channel.</summary>
public static class Fixtures
{
    /// <param name="name">The file name without .json, such as `teams-personal-message`.</param>
    public static JsonObject Load(string name, FakeChannel channel)
    {
        var path = Path.Combine(RepositoryRoot.Locate(), "tests", "Protocol", "Fixtures", name + ".json");
        return JsonNode.Parse(File.ReadAllText(path).Replace("{{channel}}", channel.Root, StringComparison.Ordinal))!.AsObject();
    }

    /// <summary>The fixture with some fields replaced, such as its text or conversation id.</summary>
    public static JsonObject With(this JsonObject activity, string field, JsonNode? value)
    {
        var copy = activity.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }
}
