using System.Text.RegularExpressions;

namespace SummitBot.Benchmarks.Scale;

/// <summary>
/// A corpus of <c>copies</c> times the shipped articles, written as .txt files: copy 0 is each article as
/// shipped, every later copy keeps its headline and header lines and shuffles its body's sentences with a
/// seed of its own, so passages differ from copy to copy while the vocabulary (and so the questions that
/// find them) stays the articles' own.
/// </summary>
internal static partial class SyntheticCorpus
{
    public static void Write(string shippedFolder, string folder, int copies)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(shippedFolder, "*.txt"))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var lines = File.ReadAllLines(file);
            var header = lines.TakeWhile(line => line.Length < 120).ToArray();
            var sentences = SentenceEnd().Split(string.Join(' ', lines.Skip(header.Length))).Where(s => s.Length > 0).ToArray();
            for (var copy = 0; copy < copies; copy++)
            {
                var body = copy == 0 ? sentences : [.. sentences.OrderBy(_ => Random.Shared.Next())];
                var paragraphs = body.Chunk(3).Select(chunk => string.Join(' ', chunk));
                File.WriteAllLines(Path.Combine(folder, $"{id}-copy{copy}.txt"), [.. header, "", .. paragraphs.SelectMany(p => new[] { p, "" })]);
            }
        }
    }

    [GeneratedRegex(@"(?<=[.!?”""])\s+(?=[A-Z“""])")]
    private static partial Regex SentenceEnd();
}
