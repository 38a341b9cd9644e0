using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SummitBot.Teams;

/// <summary>The zip Teams takes for an app upload: manifest.json and the two icons at its root.</summary>
public static class TeamsPackage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(string path, JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Add(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString(Indented)));
        Add(zip, "color.png", TeamsIcons.Color());
        Add(zip, "outline.png", TeamsIcons.Outline());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
