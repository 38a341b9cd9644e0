namespace SummitBot.Hosting;

/// <summary>Text files built into the bot's assembly (the Teams manifest template, small-talk.txt), read by their logical name.</summary>
internal static class EmbeddedText
{
    public static string Read(string resource)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
