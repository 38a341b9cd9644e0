using System.Diagnostics;

namespace SummitBot.Telemetry;

/// <summary>The bot's own spans (a turn, retrieval, the answer step, a Connector reply) and the name its meter shares.</summary>
public static class BotTelemetry
{
    public const string Name = "SummitBot";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>The current span's context, kept with work handed to another worker so its span joins the same trace.</summary>
    public static ActivityContext CurrentTrace => Activity.Current?.Context ?? default;
}
