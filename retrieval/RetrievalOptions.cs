using System.ComponentModel.DataAnnotations;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Retrieval;

/// <summary>Where the corpus and its index live, and how passages are cut and merged (section "Retrieval").</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>The articles folder, relative to the repository root. Default "articles".</summary>
    [Required]
    public string ArticlesPath { get; set; } = "articles";

    /// <summary>
    /// The Lucene index folder, relative to the bot's data folder (the install folder when it can be written); rebuilt when missing, stale, damaged or not
    /// one of ours. Default ".cache/index".
    /// </summary>
    [Required]
    public string IndexPath { get; set; } = ".cache/index";

    /// <summary>An alias file replacing the shipped one (a YAML list of lists of names). Default: none, the shipped list.</summary>
    public string? AliasesPath { get; set; }

    /// <summary>
    /// The WordNet database folder (index.noun, data.noun, …), relative to the repository root; the build fetches
    /// it there. Missing: questions match only the articles' own words and the aliases. Default ".cache/wordnet".
    /// </summary>
    public string? WordNetPath { get; set; } = ".cache/wordnet";

    /// <summary>Whether the running bot reloads when a file of the articles folder changes. Default true.</summary>
    public bool WatchArticles { get; set; } = true;

    /// <summary>How long the articles folder must be quiet after a change before the bot reloads. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Required]
    public PassageOptions Passages { get; set; } = new();

    /// <summary>
    /// Share of content words two passages from different articles must have in common to count as saying the
    /// same thing (overlap over the smaller passage). Default 0.6.
    /// </summary>
    [Range(0.1, 1.0)]
    public double DuplicateOverlap { get; set; } = 0.6;
}
