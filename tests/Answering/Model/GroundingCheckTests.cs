using System.Text.RegularExpressions;
using SummitBot.Answering.Model;
using SummitBot.Hosting;
using SummitBot.Tests.Support;
using Xunit.Abstractions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SummitBot.Tests.Answering.Model;

/// <summary>
/// The adversarial set (Data/adversarial-replies.yaml): scripted model replies, each with the sentences that must
/// survive the grounding check. The check's promise is that no unsupported sentence survives, and at least 95% of
/// supported ones do. Cases marked as beyond a word-level check (names swapped within one passage sentence) are
/// measured and printed apart; the figures for both are printed for the record.
/// </summary>
public sealed partial class GroundingCheckTests(ITestOutputHelper output)
{
    private static readonly AdversarialSet Set = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
        .Deserialize<AdversarialSet>(File.ReadAllText(Path.Combine(RepositoryRoot.Locate(), "tests", "Answering", "Model", "Data", "adversarial-replies.yaml")));

    [Fact]
    public void AdversarialSet_HasTheCasesTheIssueAsksFor() => Assert.True(Set.Cases.Count >= 40, $"{Set.Cases.Count} cases");

    [Fact]
    public async Task AdversarialReplies_NoUnsupportedSentenceSurvives_AndNearlyEverySupportedOneDoes()
    {
        var check = new GroundingCheck((await TestAnswers.Knowledge.GetAsync(CancellationToken.None)).Analyzer);
        var limits = Measure(check, Set.Cases.Where(c => c.Limit));
        var (supported, recall, unsupportedKept, precision, wrong) = Measure(check, Set.Cases.Where(c => !c.Limit));
        output.WriteLine($"{Set.Cases.Count(c => !c.Limit)} replies; supported sentences kept {recall}/{supported} ({(double)recall / supported:P1}); unsupported kept {unsupportedKept} (precision {precision:P1})");
        output.WriteLine($"{Set.Cases.Count(c => c.Limit)} replies beyond a word-level check: unsupported kept {limits.UnsupportedKept}");
        wrong.Concat(limits.Wrong).ToList().ForEach(output.WriteLine);

        Assert.True(unsupportedKept == 0 && recall >= 0.95 * supported, string.Join("\n", wrong));
    }

    private static (int Supported, int SupportedKept, int UnsupportedKept, double Precision, List<string> Wrong) Measure(GroundingCheck check, IEnumerable<AdversarialCase> cases)
    {
        int survivedSupported = 0, survivedUnsupported = 0, supported = 0;
        var wrong = new List<string>();
        foreach (var @case in cases)
        {
            var sources = @case.Shown.Select((name, i) => new ModelSource(i + 1, name, name, "test", Set.Passages[name])).ToList();
            var (kept, _) = ModelReply.Check(@case.Reply, sources, check);
            var survived = kept.Select(s => Normalise(s.Write(_ => ""))).ToList();
            var expected = @case.Keep.Select(Normalise).ToList();
            supported += expected.Count;
            survivedSupported += survived.Count(expected.Contains);
            survivedUnsupported += survived.Count(s => !expected.Contains(s));
            foreach (var s in survived.Where(s => !expected.Contains(s)))
            {
                wrong.Add($"{@case.Name}: kept unsupported \"{s}\"");
            }

            foreach (var s in expected.Where(s => !survived.Contains(s)))
            {
                wrong.Add($"{@case.Name}: dropped supported \"{s}\"");
            }
        }

        var precision = survivedSupported + survivedUnsupported == 0 ? 1 : (double)survivedSupported / (survivedSupported + survivedUnsupported);
        return (supported, survivedSupported, survivedUnsupported, precision, wrong);
    }

    private static string Normalise(string sentence) => Spaces().Replace(sentence, " ").Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private sealed class AdversarialSet
    {
        public Dictionary<string, string> Passages { get; set; } = [];

        public List<AdversarialCase> Cases { get; set; } = [];
    }

    private sealed class AdversarialCase
    {
        public string Name { get; set; } = "";

        public List<string> Shown { get; set; } = [];

        public string Reply { get; set; } = "";

        public List<string> Keep { get; set; } = [];

        /// <summary>Beyond what a word-level check can see: measured and printed, not held to the target.</summary>
        public bool Limit { get; set; }
    }
}
