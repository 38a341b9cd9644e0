using System.Text.Json;
using System.Text.Json.Serialization;

namespace SummitBot.Protocol.Activities;

/// <summary>The one JSON shape of the protocol: camelCase, names read case-insensitively, nulls omitted.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Channels do not put an entity's "type" first; polymorphic reads must find it anywhere.
        AllowOutOfOrderMetadataProperties = true,
    };
}
