namespace SummitBot.Hosting;

/// <summary>
/// Where the bot writes what it builds and remembers: the index (Retrieval:IndexPath) and the SQLite state database
/// (State:Path) when those paths are relative. DataPath when set; else the install folder (a checkout's root, a
/// published folder) while it can be written; else, as when it is installed read-only (a container's /app, Program
/// Files), the user's own application data folder, so a read-only install still starts.
/// </summary>
/// <param name="Path">The folder relative writable paths resolve against.</param>
/// <param name="InstallFolder">Where the bot's configuration, articles and prompts are read from.</param>
/// <param name="Configured">Named by DataPath rather than chosen.</param>
public sealed record DataFolder(string Path, string InstallFolder, bool Configured)
{
    /// <summary>The configuration key (environment variable DataPath) naming the folder outright.</summary>
    public const string Key = "DataPath";

    private const string AppFolder = "SummitBot";

    public static DataFolder Choose(string? configured, string installFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DataFolder(System.IO.Path.GetFullPath(configured, installFolder), installFolder, Configured: true);
        }

        if (CanWriteIn(installFolder))
        {
            return new DataFolder(installFolder, installFolder, Configured: false);
        }

        // LocalApplicationData: $XDG_DATA_HOME or ~/.local/share on Linux, %LOCALAPPDATA% on Windows. A service account
        // without a home has none it can write, and gets the temporary folder rather than no bot.
        foreach (var candidate in new[] { Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), System.IO.Path.GetTempPath() })
        {
            var folder = string.IsNullOrEmpty(candidate) ? null : System.IO.Path.Combine(candidate, AppFolder);
            if (folder is not null && CanWriteIn(folder))
            {
                return new DataFolder(folder, installFolder, Configured: false);
            }
        }

        // Nothing writable: building the index fails saying where, and /readyz says so.
        return new DataFolder(installFolder, installFolder, Configured: false);
    }

    /// <summary>Chosen because the install folder cannot be written: worth a line in the log, as the data is not where the bot is.</summary>
    public bool MovedOut => !Configured && Path != InstallFolder;

    /// <summary>The absolute form of a configured path: relative ones land in this folder.</summary>
    public string Resolve(string path) => System.IO.Path.GetFullPath(path, Path);

    /// <summary>
    /// Tried rather than read from permissions: a read-only mount, an ACL or a container's user all come down to
    /// whether a file can be created there.
    /// </summary>
    private static bool CanWriteIn(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            using var probe = new FileStream(System.IO.Path.Combine(folder, $".write-test-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
