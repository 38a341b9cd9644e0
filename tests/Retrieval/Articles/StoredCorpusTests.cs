using SummitBot.Retrieval.Articles;

namespace SummitBot.Tests.Retrieval.Articles;

public sealed class StoredCorpusTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-corpus-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void WrittenAndReadBack_IsTheSameCorpus_SkippedFilesIncluded()
    {
        var metadata = new ArticleMetadata("Lee in Tokyo", TitleIsDerived: false, "Wire", "A. Writer", new DateOnly(2025, 8, 23), "Tokyo", "https://example.com/a");
        var corpus = new Corpus([new Article("a", metadata, "Lee met Ishiba.\nThey talked.")], [new SkippedArticle("broken.md", "front matter never closed")]);

        StoredCorpus.Write(folder.FullName, corpus);
        var read = StoredCorpus.Read(folder.FullName);

        Assert.NotNull(read);
        Assert.Equal(corpus.Articles, read.Articles);
        Assert.Equal(corpus.Skipped, read.Skipped);
    }

    [Fact]
    public void MissingOrDamaged_ReadsAsNone()
    {
        Assert.Null(StoredCorpus.Read(folder.FullName));

        File.WriteAllText(Path.Combine(folder.FullName, "corpus.jsonl"), "{ not json");

        Assert.Null(StoredCorpus.Read(folder.FullName));
    }

    [Fact]
    public void FolderFingerprint_ChangesWithAnArticlesBytes_AndIgnoresOtherFiles()
    {
        File.WriteAllText(Path.Combine(folder.FullName, "a.txt"), "Lee met Ishiba in Tokyo.");
        var before = ArticleFiles.Fingerprint(folder.FullName);
        File.WriteAllText(Path.Combine(folder.FullName, "notes.docx"), "not an article");
        var unrelated = ArticleFiles.Fingerprint(folder.FullName);
        File.WriteAllText(Path.Combine(folder.FullName, "a.txt"), "Lee met Ishiba in Osaka.");

        Assert.Equal(before, unrelated);
        Assert.NotEqual(before, ArticleFiles.Fingerprint(folder.FullName));
    }
}
