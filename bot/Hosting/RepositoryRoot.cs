namespace SummitBot.Hosting;

/// <summary>
/// Finds the folder that holds appsettings.json, articles/ and prompts/: SUMMITBOT_ROOT when set; a published bot's
/// own folder (appsettings.json beside its binaries), wherever it is started from; else the checkout, searched for
/// upward from the working directory (`dotnet run --project bot` runs in bot/) and from the binaries (a test's bin folder).
/// </summary>
public static class RepositoryRoot
{
    private const string Marker = "SummitBot.sln";

    /// <summary>What `dotnet publish` puts beside the binaries and a build does not (bot/SummitBot.csproj).</summary>
    private const string PublishedMarker = "appsettings.json";

    public static string Locate() =>
        Locate(Environment.GetEnvironmentVariable("SUMMITBOT_ROOT"), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    internal static string Locate(string? fromEnvironment, string workingDirectory, string binaries)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        if (File.Exists(Path.Combine(binaries, PublishedMarker)))
        {
            return binaries;
        }

        return FindUpward(workingDirectory) ?? FindUpward(binaries) ?? binaries;
    }

    private static string? FindUpward(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
