using Microsoft.Extensions.Options;
using SummitBot.DirectLine;
using SummitBot.Protocol.Activities;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.DirectLine;

public sealed class DirectLineConversationsTests
{
    private readonly ManualClock time = new();

    [Fact]
    public void Open_StartsAConversationOnce_AndFindKnowsOnlyThoseStarted()
    {
        var conversations = Create(maxConversations: 10);

        var log = conversations.Open("a");

        Assert.Same(log, conversations.Open("a"));
        Assert.Same(log, conversations.Find("a"));
        Assert.Null(conversations.Find("guessed"));
    }

    [Fact]
    public void PastTheLimit_TheLeastRecentlyActiveIsForgotten_NeverTheOneJustOpened()
    {
        var conversations = Create(maxConversations: 2);
        var a = conversations.Open("a");
        time.Advance(TimeSpan.FromSeconds(1));
        conversations.Open("b");
        time.Advance(TimeSpan.FromSeconds(1));
        a.Append(new Activity { Text = "still here" }, time.GetUtcNow());   // "a" is now the more recent

        conversations.Open("c");

        Assert.Equal(2, conversations.Count);
        Assert.Null(conversations.Find("b"));
        Assert.NotNull(conversations.Find("a"));
        Assert.NotNull(conversations.Find("c"));
    }

    private DirectLineConversations Create(int maxConversations) =>
        new(Options.Create(new DirectLineOptions { MaxConversations = maxConversations }), time);
}
