using System.ComponentModel.DataAnnotations;

namespace SummitBot.Retrieval.Passages;

/// <summary>How articles are cut into passages (section "Retrieval:Passages").</summary>
public sealed class PassageOptions
{
    /// <summary>Sentences per passage. Default 3: enough context for an answer, small enough to rank precisely.</summary>
    [Range(1, 20)]
    public int Sentences { get; set; } = 3;

    /// <summary>Sentences shared by neighbouring passages, so a fact that spans a boundary is whole in one. Default 1.</summary>
    [Range(0, 19)]
    public int Overlap { get; set; } = 1;
}
