using SummitBot.Cli;
using SummitBot.Evaluation.Reporting;
using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Evaluation.Reporting;

public sealed class ConsoleReportTests
{
    [Fact]
    public void Write_ShowsEachCase_WhyFailuresFailed_TheirAnswersAndCitations_ThenTheSummary()
    {
        using var writer = new StringWriter();
        var console = CommandOutput.Plain(writer, TextWriter.Null).Out;
        var run = Runs.Mixed();

        ConsoleReport.Write(console, run, EvalSummary.From(run, TestArticles.Catalog));

        var text = writer.ToString();
        Assert.Contains("summit: venue", text, StringComparison.Ordinal);
        Assert.Contains("FAIL", text, StringComparison.Ordinal);
        Assert.Contains("In Osaka [1].", text, StringComparison.Ordinal);
        Assert.Contains(TestArticles.Trade, text, StringComparison.Ordinal);
        Assert.Contains("error: HttpRequestException", text, StringComparison.Ordinal);
        Assert.Contains("Pass rate:          2/4 (50.0%)", text, StringComparison.Ordinal);
        Assert.Contains("Refusal accuracy:   2/2 (100.0%)", text, StringComparison.Ordinal);
        Assert.Contains("Citation accuracy:  1/2 (50.0%)", text, StringComparison.Ordinal);
        Assert.Contains("p50 100 ms, p95 300 ms over 3 answers", text, StringComparison.Ordinal);
    }
}
