using Microsoft.Data.Sqlite;

namespace SummitBot.State;

/// <summary>A temporary folder of this process's own, deleted when the host that made it is disposed.</summary>
public sealed class ScratchFolder : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-scratch-");

    public string Path => folder.FullName;

    public void Dispose()
    {
        // Pooled SQLite connections keep the database open; closed, the folder can go.
        SqliteConnection.ClearAllPools();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held is left to the system's temporary folder rather than failing the command.
        }
    }
}
