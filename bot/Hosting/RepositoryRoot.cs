namespace SummitBot.Hosting;

/// <summary>
/// Finds the folder that holds appsettings.json, articles/ and prompts/. `dotnet run --project bot` makes
/// bot/ the content root, and a test runs from its bin folder, so the root is searched for upward from the
/// working directory and from the binaries; a published bot finds everything beside its binaries.
/// </summary>
public static class RepositoryRoot
{
    private const string Marker = "SummitBot.sln";

    public static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SUMMITBOT_ROOT");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return FindUpward(Directory.GetCurrentDirectory())
            ?? FindUpward(AppContext.BaseDirectory)
            ?? AppContext.BaseDirectory;
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
