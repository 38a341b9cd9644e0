using System.Text.Json;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Turns;

namespace SummitBot.Tests.Protocol.Turns;

public sealed class FeedbackInvokeTests
{
    [Theory]
    [InlineData("\"{\\\"feedbackText\\\":\\\"Good one\\\"}\"", "Good one")]
    [InlineData("\"{\\\"feedbackText\\\":\\\"\\\"}\"", null)]
    [InlineData("\"plain words, not JSON\"", "plain words, not JSON")]
    [InlineData("{\"feedbackText\":\"as an object\"}", "as an object")]
    [InlineData("42", null)]
    public void FeedbackText_IsReadFromTheJsonInsideTheString_OrKeptAsWritten(string feedback, string? expected)
    {
        var read = FeedbackInvoke.Read(Invoke($$$"""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":{{{feedback}}}}}"""), DateTimeOffset.UnixEpoch);

        Assert.Equal("like", read?.Reaction);
        Assert.Equal(expected, read?.Text);
    }

    [Theory]
    [InlineData("""{"actionName":"other","actionValue":{"reaction":"like"}}""")]
    [InlineData("""{"actionName":"feedback"}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"feedback":"{}"}}""")]
    [InlineData("\"feedback\"")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"love"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":""}}""")]
    public void ValueThatIsNotAFeedbackSubmission_ReadsAsNull(string value)
    {
        Assert.Null(FeedbackInvoke.Read(Invoke(value), DateTimeOffset.UnixEpoch));
    }

    private static Activity Invoke(string value) => new()
    {
        Type = "invoke",
        Name = FeedbackInvoke.Name,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = "a:1" },
        ReplyToId = "rated",
        Value = JsonDocument.Parse(value).RootElement.Clone(),
    };
}
