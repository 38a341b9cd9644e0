using SummitBot.Retrieval.Articles;

namespace SummitBot.Retrieval.Passages;

/// <summary>Cuts an article into overlapping windows of whole sentences.</summary>
public static class PassageSplitter
{
    public static IReadOnlyList<Passage> Split(Article article, PassageOptions options)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Overlap >= options.Sentences)
        {
            throw new ArgumentException("Passage overlap must be smaller than the number of sentences per passage.", nameof(options));
        }

        var sentences = SentenceSplitter.Split(article.Text);
        var passages = new List<Passage>();
        var step = options.Sentences - options.Overlap;
        for (var first = 0; first < sentences.Count; first += step)
        {
            var last = Math.Min(first + options.Sentences, sentences.Count) - 1;
            var start = sentences[first].Start.Value;
            var end = sentences[last].End.Value;
            passages.Add(new Passage(article.Id, passages.Count, start, end - start, article.Text[start..end]));
            if (last == sentences.Count - 1)
            {
                break;
            }
        }

        return passages;
    }
}
