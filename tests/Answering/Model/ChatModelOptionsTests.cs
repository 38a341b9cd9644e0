using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Answering.Model;

/// <summary>A chat model set up wrongly stops the bot at start, with a message naming the setting.</summary>
public sealed class ChatModelOptionsTests
{
    private const string Local = "ChatModel:Endpoint=http://127.0.0.1:11434/v1";

    [Theory]
    [InlineData("ChatModel:Provider", "ChatModel:Model=gpt-4o-mini")]
    [InlineData("ChatModel:ApiKey", "ChatModel:Provider=OpenAI", "ChatModel:Model=gpt-4o-mini")]
    [InlineData("ChatModel:Model", "ChatModel:Provider=OpenAI", "ChatModel:ApiKey=sk-test")]
    [InlineData("ChatModel:Deployment", "ChatModel:Provider=AzureOpenAI", "ChatModel:Endpoint=https://summit.openai.azure.com/")]
    [InlineData("ChatModel:Endpoint", "ChatModel:Provider=AzureOpenAI", "ChatModel:Deployment=gpt-4o")]
    [InlineData("must end in /v1", "ChatModel:Provider=OpenAICompatible", "ChatModel:Model=llama3.1", "ChatModel:Endpoint=http://127.0.0.1:11434/")]
    [InlineData("ChatModel:Endpoint", "ChatModel:Provider=OpenAICompatible", "ChatModel:Model=llama3.1")]
    [InlineData("ChatModel:PromptPath", "ChatModel:Provider=OpenAICompatible", "ChatModel:Model=llama3.1", Local, "ChatModel:PromptPath=prompts/missing.yaml")]
    [InlineData("AttemptTimeout", "ChatModel:Provider=OpenAICompatible", "ChatModel:Model=llama3.1", Local, "ChatModel:AttemptTimeout=00:00:00")]
    [InlineData("ChatModel:TotalTimeout", "ChatModel:Provider=OpenAICompatible", "ChatModel:Model=llama3.1", Local, "ChatModel:AttemptTimeout=00:00:20")]
    [InlineData("ChatModel:Provider", "ChatModel:Provider=Gemini")]
    public async Task InvalidChatModelSetting_StopsTheBotAtStart_NamingTheKey(string named, params string[] settings)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(new RecordingAnswerStep(), settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ChatModel:Provider=OpenAICompatible", "ChatModel:Model=llama3.1", Local)]
    [InlineData("ChatModel:Provider=AzureOpenAI", "ChatModel:Endpoint=https://summit.openai.azure.com/", "ChatModel:Deployment=gpt-4o")]
    [InlineData("ChatModel:Provider=OpenAI", "ChatModel:Model=gpt-4o-mini", "ChatModel:ApiKey=sk-test")]
    public async Task CompleteSettings_Start(params string[] settings)
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), settings);
    }
}
