using System.Globalization;
using System.Xml.Linq;
using SummitBot.Evaluation.Reporting;
using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Evaluation.Reporting;

public sealed class JUnitReportTests
{
    [Fact]
    public async Task WriteAsync_WritesTestsuitesWithATestsuitePerFileAndCounts()
    {
        using var files = new TempFiles();
        var path = files.PathOf("eval.xml");

        await JUnitReport.WriteAsync(Runs.Mixed(), path, CancellationToken.None);

        var root = XDocument.Load(path).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("4", "1", "1"), ((string?)root.Attribute("tests"), (string?)root.Attribute("failures"), (string?)root.Attribute("errors")));
        Assert.Equal(1.234, double.Parse((string)root.Attribute("time")!, CultureInfo.InvariantCulture));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(["summit", "other"], suites.Select(s => (string?)s.Attribute("name")));
        var summit = suites[0];
        Assert.Equal(("3", "1", "0", "0"), ((string?)summit.Attribute("tests"), (string?)summit.Attribute("failures"), (string?)summit.Attribute("errors"), (string?)summit.Attribute("skipped")));
        Assert.Equal("0.440", (string?)summit.Attribute("time"));
        Assert.Equal("2025-08-25T09:00:00", (string?)summit.Attribute("timestamp"));
    }

    [Fact]
    public void Build_GivesEachCaseATestcase_WithAFailureOrAnErrorSayingWhy()
    {
        var cases = JUnitReport.Build(Runs.Mixed()).Descendants("testcase").ToDictionary(c => (string)c.Attribute("name")!);

        Assert.Equal(["venue", "off-topic", "wrong", "broken"], cases.Keys);
        Assert.Equal("summit", (string?)cases["venue"].Attribute("classname"));
        Assert.Equal("0.100", (string?)cases["venue"].Attribute("time"));
        Assert.Empty(cases["venue"].Elements());

        var failure = Assert.Single(cases["wrong"].Elements());
        Assert.Equal("failure", failure.Name.LocalName);
        Assert.Equal("any: none of [\"Tokyo\"] is in the answer", (string?)failure.Attribute("message"));
        Assert.Contains("answer: In Osaka [1].", failure.Value, StringComparison.Ordinal);
        Assert.Contains($"cited: {TestArticles.Trade}", failure.Value, StringComparison.Ordinal);

        var error = Assert.Single(cases["broken"].Elements());
        Assert.Equal("error", error.Name.LocalName);
        Assert.Equal("HttpRequestException: the bot answered HTTP 500", (string?)error.Attribute("message"));
    }
}
