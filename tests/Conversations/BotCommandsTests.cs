using SummitBot.Conversations;

namespace SummitBot.Tests.Conversations;

public sealed class BotCommandsTests
{
    [Theory]
    [InlineData("help", BotCommand.Help)]
    [InlineData(" HELP ", BotCommand.Help)]
    [InlineData("/help", BotCommand.Help)]
    [InlineData("help?", BotCommand.Help)]
    [InlineData("Sources", BotCommand.Sources)]
    [InlineData("reset", BotCommand.Reset)]
    [InlineData("Start over.", BotCommand.Reset)]
    public void CommandWords_AreRecognised(string text, BotCommand expected)
    {
        Assert.True(BotCommands.TryParse(text, out var command));
        Assert.Equal(expected, command);
    }

    [Theory]
    [InlineData("what are your sources for the visit?")]
    [InlineData("help me understand the summit")]
    [InlineData("start")]
    [InlineData("")]
    public void Questions_AreNotCommands(string text)
    {
        Assert.False(BotCommands.TryParse(text, out _));
    }
}
