using System.ComponentModel.DataAnnotations;

namespace SummitBot.State;

/// <summary>Where the bot keeps what it remembers (section "State"): conversation history and feedback, across restarts.</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>The SQLite database file, relative to the data folder (<see cref="Hosting.DataFolder"/>) unless absolute. Default data/summitbot.db (data/ is not committed).</summary>
    [Required]
    public string Path { get; set; } = "data/summitbot.db";

    /// <summary>
    /// How long an accepted turn stays with the instance answering it without that instance saying it is still at it;
    /// past it (the instance died) any instance takes the turn over and answers it. Default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TurnLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often expired and over-the-limit rows are removed in the background. Default one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
