namespace SummitBot.Tests.Evaluation.Support;

/// <summary>A folder of files for one test, removed afterwards.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("summitbot-eval-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(folder, name);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
