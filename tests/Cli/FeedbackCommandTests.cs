using Microsoft.Data.Sqlite;
using SummitBot.Cli;
using SummitBot.Conversations;
using SummitBot.Conversations.Feedback;
using SummitBot.Tests.Conversations.State;

namespace SummitBot.Tests.Cli;

/// <summary>`feedback` lists what users said, from the state database the bot keeps it in.</summary>
public sealed class FeedbackCommandTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-feedback-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Lists_NewestFirst_AndFiltersByRatingAndDate()
    {
        await GivenAsync(
            new UserFeedback(new ConversationKey("msteams", "a:1"), "m1", "dislike", "It missed the date.", "u1", Monday),
            new UserFeedback(new ConversationKey("directline", "c2"), "c2|0000003", "like", null, "u2", Monday.AddDays(2)));

        var (all, _) = await RunAsync();
        var (down, _) = await RunAsync(rating: "down");
        var (recent, _) = await RunAsync(since: "2026-12-01");

        Assert.True(all.IndexOf("directline c2", StringComparison.Ordinal) < all.IndexOf("It missed the date.", StringComparison.Ordinal), all);
        Assert.Contains("It missed the date.", down, StringComparison.Ordinal);
        Assert.DoesNotContain("directline c2", down, StringComparison.Ordinal);
        Assert.DoesNotContain("It missed the date.", recent, StringComparison.Ordinal);
        Assert.Contains("directline c2", recent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_QuotesWhatNeedsIt_AndDefusesFormulas()
    {
        await GivenAsync(new UserFeedback(new ConversationKey("msteams", "a:1"), "m1", "dislike", "=HYPERLINK(\"x\"), really", "u1", Monday));
        var file = Path.Combine(folder.FullName, "feedback.csv");

        var (said, status) = await RunAsync(csv: new FileInfo(file));

        Assert.Equal(0, status);
        Assert.Contains("Wrote 1 feedback entries", said, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal("received_at,rating,comment,question,answer,citations,channel,conversation,rated_message_id,user_id", lines[0]);
        Assert.Equal("2026-11-30T09:00:00.0000000Z,down,\"'=HYPERLINK(\"\"x\"\"), really\",,,,msteams,a:1,m1,u1", lines[1]);
    }

    [Fact]
    public async Task FeedbackOnARecordedAnswer_ShowsItsQuestionAnswerAndCitations()
    {
        var conversation = new ConversationKey("msteams", "a:1");
        var store = new DatabaseFeedbackStore(SqliteConversationStoreTests.StateIn(folder));
        await store.RecordAnswerAsync(new SentAnswer(conversation, "m7", "Where did they meet?", "In Tokyo [1].", ["[1] Lee in Japan (newsmania)"], Monday), CancellationToken.None);
        await store.AddAsync(new UserFeedback(conversation, "m7", "dislike", "Which building?", "u1", Monday.AddMinutes(1)), CancellationToken.None);
        var file = Path.Combine(folder.FullName, "feedback.csv");

        var (table, _) = await RunAsync();
        await RunAsync(csv: new FileInfo(file));

        Assert.Contains("Where did they meet?", table, StringComparison.Ordinal);
        Assert.Contains("In Tokyo [1].", table, StringComparison.Ordinal);
        Assert.Contains(",down,Which building?,Where did they meet?,In Tokyo [1].,[1] Lee in Japan (newsmania),msteams,a:1,m7,u1", (await File.ReadAllLinesAsync(file))[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("last tuesday", null, "--since")]
    [InlineData(null, "meh", "--rating")]
    public async Task BadFilters_AreRefusedSayingWhy(string? since, string? rating, string named)
    {
        var (said, status) = await RunAsync(since, rating);

        Assert.Equal(FeedbackCommand.UsageError, status);
        Assert.StartsWith(named, said, StringComparison.Ordinal);
    }

    private async Task GivenAsync(params UserFeedback[] feedback)
    {
        var store = new DatabaseFeedbackStore(SqliteConversationStoreTests.StateIn(folder));
        foreach (var entry in feedback)
        {
            await store.AddAsync(entry, CancellationToken.None);
        }
    }

    private async Task<(string Output, int Status)> RunAsync(string? since = null, string? rating = null, FileInfo? csv = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var status = await FeedbackCommand.RunAsync(since, rating, csv, [$"--State:Path={Path.Combine(folder.FullName, "state.db")}"], CommandOutput.Plain(output, error), CancellationToken.None);
        return (output + error.ToString(), status);
    }
}
