using System.Text.Json;
using SummitBot.Evaluation.Reporting;
using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Evaluation.Reporting;

public sealed class JsonReportTests
{
    [Fact]
    public async Task WriteAsync_WritesTheSummaryAndEveryTurnsAnswerAndVerdict()
    {
        using var files = new TempFiles();
        var path = files.PathOf("eval.json");
        var run = Runs.Mixed();

        await JsonReport.WriteAsync(run, EvalSummary.From(run, TestArticles.Catalog), new ReportAnswerer("extractive", null), path, CancellationToken.None);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("cases").GetInt32());
        Assert.Equal(2, summary.GetProperty("passed").GetInt32());
        Assert.Equal(2, summary.GetProperty("failed").GetInt32());
        Assert.Equal(0.5, summary.GetProperty("passRate").GetDouble());
        Assert.Equal(1.0, summary.GetProperty("refusalAccuracy").GetDouble());
        Assert.Equal(0.5, summary.GetProperty("citationAccuracy").GetDouble());
        Assert.Equal(100, summary.GetProperty("latencyP50Ms").GetDouble());

        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(["venue", "off-topic", "wrong", "broken"], cases.Select(c => c.GetProperty("id").GetString()));
        var wrong = cases[2].GetProperty("turns")[0];
        Assert.False(wrong.GetProperty("passed").GetBoolean());
        Assert.Equal("In Osaka [1].", wrong.GetProperty("answer").GetString());
        Assert.Equal([TestArticles.Trade], wrong.GetProperty("cited").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("any: none of [\"Tokyo\"] is in the answer", wrong.GetProperty("failures")[0].GetString());
        var broken = cases[3].GetProperty("turns")[0];
        Assert.Equal(JsonValueKind.Null, broken.GetProperty("answer").ValueKind);
        Assert.Equal("HttpRequestException: the bot answered HTTP 500", broken.GetProperty("error").GetString());
    }
}
