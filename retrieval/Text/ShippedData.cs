using System.Reflection;

namespace SummitBot.Retrieval.Text;

/// <summary>The data files built into the assembly (aliases.yaml, stopwords.txt), read by their logical name.</summary>
internal static class ShippedData
{
    public static string Read(string name)
    {
        var resource = "SummitBot.Retrieval." + name;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The shipped {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
