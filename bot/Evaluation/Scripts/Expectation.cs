using System.Globalization;
using SummitBot.Evaluation.Targets;

namespace SummitBot.Evaluation.Scripts;

/// <summary>
/// A script's <c>expect:</c> block. Every part is optional and an empty list states nothing; a reply passes
/// when every stated part holds.
/// </summary>
/// <param name="Any">The answer contains at least one of these.</param>
/// <param name="All">The answer contains every one of these.</param>
/// <param name="None">The answer contains none of these.</param>
/// <param name="Cites">At least one of these articles is cited.</param>
/// <param name="Refuses">True: the reply is a refusal (not grounded, no citations). False: it is grounded.</param>
public sealed record Expectation(
    IReadOnlyList<string> Any,
    IReadOnlyList<string> All,
    IReadOnlyList<string> None,
    IReadOnlyList<string> Cites,
    bool? Refuses) : ITurnCheck
{
    public bool StatesAnything => Any.Count + All.Count + None.Count + Cites.Count > 0 || Refuses is not null;

    public IReadOnlyList<string> ExpectedPhrases => [.. Any, .. All];

    public bool? ExpectsRefusal => Refuses;

    public IReadOnlyList<string> Verify(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var failures = new List<string>();
        var text = reply.Text;

        if (Any.Count > 0 && !Any.Any(phrase => TextMatch.Contains(text, phrase)))
        {
            failures.Add($"any: none of {Quote(Any)} is in the answer");
        }

        var missing = All.Where(phrase => !TextMatch.Contains(text, phrase)).ToList();
        if (missing.Count > 0)
        {
            failures.Add($"all: {Quote(missing)} missing from the answer");
        }

        var present = None.Where(phrase => TextMatch.Contains(text, phrase)).ToList();
        if (present.Count > 0)
        {
            failures.Add($"none: {Quote(present)} found in the answer");
        }

        if (Cites.Count > 0 && !Cites.Any(id => reply.CitedArticleIds.Contains(id, StringComparer.Ordinal)))
        {
            var cited = reply.CitedArticleIds.Count == 0 ? "nothing" : string.Join(", ", reply.CitedArticleIds);
            failures.Add($"cites: none of {Quote(Cites)} cited (cited {cited})");
        }

        if (Refuses == true && !reply.Refused)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"refuses: expected a refusal, got {(reply.Grounded ? "a grounded answer" : "an ungrounded answer")} citing {reply.CitedArticleIds.Count} article(s)"));
        }
        else if (Refuses == false && !reply.Grounded)
        {
            failures.Add("refuses: expected a grounded answer, got a refusal");
        }

        return failures;
    }

    private static string Quote(IEnumerable<string> phrases) => "[" + string.Join(", ", phrases.Select(p => $"\"{p}\"")) + "]";
}
