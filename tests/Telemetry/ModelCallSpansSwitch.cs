using System.Runtime.CompilerServices;
using SummitBot.Telemetry;

namespace SummitBot.Tests.Telemetry;

/// <summary>
/// The bot turns Semantic Kernel's model-call spans on as its host is built; a test that calls a connector before any
/// bot is built would fix them off for the whole test process, so the switch is set before any test runs.
/// </summary>
internal static class ModelCallSpansSwitch
{
    [ModuleInitializer]
    internal static void Enable() => TelemetryServices.EnableModelCallSpans();
}
