using Microsoft.Extensions.Options;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Answering.Model;

/// <summary>A chat model set up wrongly stops the bot at start, with a message naming the setting.</summary>
public sealed class ChatModelOptionsTests
{
    [Theory]
    [InlineData("ApiKey", "ChatModel:Model=gpt-4o-mini")]
    [InlineData("PromptPath", "ChatModel:Model=llama3.1", "ChatModel:Endpoint=http://127.0.0.1:11434/v1", "ChatModel:PromptPath=prompts/missing.yaml")]
    [InlineData("AttemptTimeout", "ChatModel:Model=llama3.1", "ChatModel:Endpoint=http://127.0.0.1:11434/v1", "ChatModel:AttemptTimeout=00:00:00")]
    public async Task InvalidChatModelSetting_StopsTheBotAtStart(string named, params string[] settings)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new RecordingAnswerStep(), settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalServerWithoutAKey_Starts()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), ["ChatModel:Model=llama3.1", "ChatModel:Endpoint=http://127.0.0.1:11434/v1"]);
    }
}
