using SummitBot.Retrieval;
using SummitBot.Retrieval.Articles;

namespace SummitBot.Answering;

/// <summary>
/// Builds the shortest answer that answers: the best sentence, then only sentences that cover a part of the
/// question the answer does not yet, each followed by [n] markers for every article that says it.
/// </summary>
/// <param name="shorten">Turns a cited sentence into the excerpt shown beside its source.</param>
internal sealed class AnswerComposer(AnswerOptions options, Corpus corpus, Func<string, string> shorten)
{
    /// <returns>The answer, or null when no sentence covers enough of the question.</returns>
    public Answer? Compose(IReadOnlyList<CandidateSentence> candidates, SentenceScorer scorer)
    {
        var ranked = Rank(candidates.Where(scorer.Admits), scorer);
        // "How many troops…" is answered by the sentence with the number, even if another mentions more of the
        // question's words; only when no sentence has the kind of thing asked for does the best match stand.
        var best = ranked.FirstOrDefault(r => r.Coverage >= options.MinCoverage && scorer.HasAskedKind(r.Sentence));
        if (best.Sentence is null)
        {
            // No sentence with the word the question hinges on holds the city (or country, or leader) it asks for:
            // those that hold one beside the rest of the question answer it, and only they.
            var byKind = Rank(candidates.Where(scorer.AnswersAskedKind), scorer);
            best = byKind.FirstOrDefault(r => r.Coverage >= options.MinCoverage);
            ranked = best.Sentence is null ? ranked : byKind;
        }

        if (best.Sentence is null)
        {
            best = ranked.FirstOrDefault(r => r.Coverage >= options.MinCoverage);
        }

        if (best.Sentence is null)
        {
            return null;
        }

        var chosen = new List<CandidateSentence> { best.Sentence };
        var covered = new HashSet<string>(best.Sentence.Concepts, StringComparer.Ordinal);
        foreach (var (sentence, score, _) in ranked)
        {
            if (chosen.Count == options.MaxSentences)
            {
                break;
            }

            var gain = scorer.Coverage(covered.Concat(sentence.Concepts)) - scorer.Coverage(covered);
            if (gain >= options.MinGain && score >= Scoring.MinRelativeScore * best.Score && !chosen.Any(c => SameClaim(scorer, c, sentence)))
            {
                chosen.Add(sentence);
                covered.UnionWith(sentence.Concepts);
            }
        }

        return Cite(chosen, candidates, scorer);
    }

    /// <summary>
    /// Each article's own best account of the question, one sentence an article, each citing only its article:
    /// the reader sees where the articles agree and where they differ, and the bot claims neither.
    /// </summary>
    /// <returns>The accounts, or the usual answer when fewer than two articles cover the question.</returns>
    public Answer? CompareArticles(IReadOnlyList<CandidateSentence> candidates, SentenceScorer scorer)
    {
        var accounts = candidates.Where(scorer.Admits)
            .GroupBy(c => c.ArticleId)
            .Select(article => article.MaxBy(scorer.Score)!)
            .Where(c => scorer.Support(c) >= options.MinCoverage)
            .OrderByDescending(scorer.Score)
            .ToList();
        if (accounts.Count < 2)
        {
            return Compose(candidates, scorer);
        }

        var citations = new CitationList(corpus, shorten);
        var text = accounts.Select(sentence => $"{sentence.Text} [{citations.NumberOf(sentence.ArticleId, sentence.Text)}]").ToList();
        return new Answer($"{AccountsLead} {string.Join(' ', text)}", Grounded: true, citations.All);
    }

    private static List<(CandidateSentence Sentence, double Score, double Coverage)> Rank(IEnumerable<CandidateSentence> sentences, SentenceScorer scorer) =>
        [.. sentences.Select(c => (Sentence: c, Score: scorer.Score(c), Coverage: scorer.Support(c))).OrderByDescending(r => r.Score)];

    /// <summary>Says what follows is the articles' accounts side by side, not one claim.</summary>
    internal const string AccountsLead = "Here is what each article says:";

    /// <summary>
    /// Each chosen sentence with markers for every article that says the same. An article that tells the same
    /// event differently (as still to come, or with another figure) does not count as saying it: its own
    /// sentence follows, citing it, so the reader sees both accounts.
    /// </summary>
    private Answer Cite(List<CandidateSentence> chosen, IReadOnlyList<CandidateSentence> candidates, SentenceScorer scorer)
    {
        var citations = new CitationList(corpus, shorten);
        string Marker(CandidateSentence sayer) => $"[{citations.NumberOf(sayer.ArticleId, sayer.Text)}]";
        var text = new List<string>();
        CandidateSentence? otherAccount = null;
        foreach (var sentence in chosen)
        {
            var askedCoverage = scorer.Coverage(sentence.Concepts);
            var sayers = candidates
                .Where(c => SameClaim(scorer, c, sentence) && scorer.Coverage(c.Concepts) >= askedCoverage)
                .DistinctBy(c => c.ArticleId)
                .ToList();
            otherAccount ??= sayers.FirstOrDefault(c => scorer.TellDifferently(c, sentence) && !chosen.Any(s => s.ArticleId == c.ArticleId));
            var agreeing = sayers.Where(c => !scorer.TellDifferently(c, sentence)).Prepend(sentence).DistinctBy(c => c.ArticleId);
            text.Add($"{sentence.Text} {string.Concat(agreeing.Select(Marker))}");
        }

        if (otherAccount is not null)
        {
            text.Add($"{OtherAccountLead} {otherAccount.Text} {Marker(otherAccount)}");
        }

        return new Answer(string.Join(' ', text), Grounded: true, citations.All);
    }

    /// <summary>Says the next sentence is another article's account of the same thing, with another date or figure.</summary>
    internal const string OtherAccountLead = "Another article tells it differently:";

    private static bool SameClaim(SentenceScorer scorer, CandidateSentence a, CandidateSentence b) =>
        a.ArticleId != b.ArticleId && scorer.Similarity(a.Concepts, b.Concepts) >= Scoring.SameClaimOverlap;
}
