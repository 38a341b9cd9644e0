using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SummitBot.Cli;

namespace SummitBot.Tests.Cli;

public sealed class CommandHostTests
{
    [Fact]
    public void Build_SendsEveryLogLineToStandardError_SoStdoutIsTheCommandsOutputAlone()
    {
        using var host = CommandHost.Build();

        var console = host.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value;

        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Trace, console.LogToStandardErrorThreshold);
    }
}
