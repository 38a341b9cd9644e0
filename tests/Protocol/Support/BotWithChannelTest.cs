using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Support;

/// <summary>A test class whose every test gets its own fake channel and its own bot, both on 127.0.0.1.</summary>
public abstract class BotWithChannelTest(
    RecordingAnswerStep? answers = null,
    IEnumerable<string>? settings = null,
    Action<IServiceCollection>? services = null) : IAsyncLifetime
{
    protected RecordingAnswerStep Answers { get; } = answers ?? new RecordingAnswerStep();

    protected FakeChannel Channel { get; private set; } = null!;

    protected BotHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Channel = await FakeChannel.StartAsync();
        Bot = await BotHost.StartAsync(Answers, settings, services);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Channel.DisposeAsync();
    }
}
