using Microsoft.Data.Sqlite;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Retrieval.Index;

/// <summary>
/// The passages of the corpus in an SQLite FTS5 table (BM25 ranking, porter stemming), kept in one file.
/// The file is reused while its fingerprint matches the corpus; otherwise it is rebuilt beside the old one
/// and swapped in with a rename, so a reader never sees half an index and a crash never leaves one.
/// </summary>
public sealed class PassageIndex
{
    private readonly string connectionString;

    private PassageIndex(string path, bool rebuilt)
    {
        Path = path;
        WasRebuilt = rebuilt;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
    }

    public string Path { get; }

    /// <summary>True when opening found the file missing, stale, corrupt or foreign and built it anew.</summary>
    public bool WasRebuilt { get; }

    public static async Task<PassageIndex> OpenOrBuildAsync(Corpus corpus, string path, PassageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var fingerprint = IndexFingerprint.Of(corpus, options);
        if (await StoredFingerprintAsync(path, cancellationToken).ConfigureAwait(false) == fingerprint)
        {
            return new PassageIndex(path, rebuilt: false);
        }

        await BuildAsync(corpus, path, options, fingerprint, cancellationToken).ConfigureAwait(false);
        return new PassageIndex(path, rebuilt: true);
    }

    /// <summary>Runs an FTS5 MATCH expression; the caller builds it from user text with <see cref="Search.FtsQuery"/>.</summary>
    public async Task<IReadOnlyList<(Passage Passage, double Score)>> MatchAsync(string expression, int limit, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.article_id, p.ordinal, p.start, p.length, p.text, bm25(passage_text) AS rank
            FROM passage_text JOIN passages p ON p.id = passage_text.rowid
            WHERE passage_text MATCH $expression
            ORDER BY rank
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$expression", expression);
        command.Parameters.AddWithValue("$limit", limit);
        var results = new List<(Passage, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var passage = new Passage(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4));
            results.Add((passage, -reader.GetDouble(5)));   // bm25() is lower-is-better
        }

        return results;
    }

    /// <summary>The fingerprint a file was built for, or null when it is missing or not one of our indexes.</summary>
    private static async Task<string?> StoredFingerprintAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var readOnly = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            await using var connection = new SqliteConnection(readOnly);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT value FROM meta WHERE key = 'fingerprint';
                SELECT count(*) FROM passage_text WHERE passage_text MATCH 'index';
                PRAGMA quick_check;
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var fingerprint = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetString(0) : null;
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetString(0) == "ok" ? fingerprint : null;
        }
        catch (SqliteException)
        {
            return null;   // not a database, not ours, or damaged: rebuild rather than serve it
        }
    }

    private static async Task BuildAsync(Corpus corpus, string path, PassageOptions options, string fingerprint, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await WriteAsync(corpus, temporary, options, fingerprint, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task WriteAsync(Corpus corpus, string path, PassageOptions options, string fingerprint, CancellationToken cancellationToken)
    {
        var create = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(create);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var schema = connection.CreateCommand())
        {
            schema.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE passages (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
                                       start INTEGER NOT NULL, length INTEGER NOT NULL, text TEXT NOT NULL);
                CREATE VIRTUAL TABLE passage_text USING fts5(text, content='passages', content_rowid='id',
                                                             tokenize='porter unicode61 remove_diacritics 2');
                """;
            await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO passages (article_id, ordinal, start, length, text) VALUES ($article, $ordinal, $start, $length, $text);
            INSERT INTO passage_text (rowid, text) VALUES (last_insert_rowid(), $text);
            """;
        var article = insert.Parameters.Add("$article", SqliteType.Text);
        var ordinal = insert.Parameters.Add("$ordinal", SqliteType.Integer);
        var start = insert.Parameters.Add("$start", SqliteType.Integer);
        var length = insert.Parameters.Add("$length", SqliteType.Integer);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        foreach (var passage in corpus.Articles.SelectMany(a => PassageSplitter.Split(a, options)))
        {
            (article.Value, ordinal.Value, start.Value, length.Value, text.Value) =
                (passage.ArticleId, passage.Ordinal, passage.Start, passage.Length, passage.Text);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var meta = connection.CreateCommand())
        {
            meta.CommandText = "INSERT INTO meta (key, value) VALUES ('fingerprint', $fingerprint), ('schema', $schema);";
            meta.Parameters.AddWithValue("$fingerprint", fingerprint);
            meta.Parameters.AddWithValue("$schema", IndexFingerprint.SchemaVersion);
            await meta.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
