using Microsoft.Playwright;
using SummitBot.Conversations.Feedback;
using SummitBot.Tests.Support;
using SummitBot.Tests.WebChat.Support;

namespace SummitBot.Tests.WebChat;

/// <summary>
/// The chat page in a real browser, as a visitor uses it: the official Web Chat over the bot's own Direct Line,
/// answered by the real answer step from the shipped articles.
/// </summary>
public sealed class ChatPageBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Welcome = "Hi! I answer questions";
    private const string BotMessage = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string Answer = ".webchat__bubble:not(.webchat__bubble--from-user):has(.webchat__link-definitions)";

    [Fact]
    public async Task Visitor_AsksAndFollowsUp_OpensACitation_TapsASuggestion_Votes_AndFindsTheConversationAfterAReload()
    {
        await using var bot = await BotHost.StartAsync(answers: null);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var page = await OpenAsync(context, bot);
        var errors = CollectPageErrors(page);

        await AskAsync(page, "Where did Lee and Ishiba meet?");
        await Assertions.Expect(page.Locator(Answer)).ToHaveCountAsync(1);
        await AskAsync(page, "What did they agree on?");
        await Assertions.Expect(page.Locator(Answer)).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(Answer).Last.Locator("button.webchat__render-markdown__citation").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, "chat-answer.png") });

        // A citation opens its excerpt, with a link to the article it comes from.
        await page.Locator(Answer).Last.Locator("button.webchat__render-markdown__citation").First.ClickAsync();
        var excerpt = page.Locator("dialog.webchat__citation-modal-dialog");
        await Assertions.Expect(excerpt).ToBeVisibleAsync();
        await Assertions.Expect(excerpt.Locator("blockquote")).ToBeVisibleAsync();
        await Assertions.Expect(excerpt.Locator("a[href*='/articles/']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, "chat-citation.png") });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(excerpt).ToBeHiddenAsync();

        // A suggested question is asked by tapping it.
        var suggestion = page.Locator("button.webchat__suggested-action").First;
        var suggested = (await suggestion.InnerTextAsync()).Trim();
        await suggestion.ClickAsync();
        await Assertions.Expect(page.Locator(".webchat__bubble--from-user", new PageLocatorOptions { HasText = suggested })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(BotMessage)).ToHaveCountAsync(4);

        // Thumbs up reaches the feedback store, naming the answer it rates.
        await page.Locator(".webchat__thumb-button").First.ClickAsync();
        var feedback = await WaitForFeedbackAsync(bot.Services.GetRequiredService<IFeedbackStore>());
        Assert.Equal("like", feedback.Reaction);
        Assert.StartsWith(feedback.Conversation.ConversationId + "|", feedback.RatedMessageId, StringComparison.Ordinal);

        // A reload (within the token's life) finds the same conversation, not a new one.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".webchat__bubble--from-user", new PageLocatorOptions { HasText = "Where did Lee and Ishiba meet?" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(Answer)).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(BotMessage, new PageLocatorOptions { HasText = Welcome })).ToHaveCountAsync(1);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task OnAPhone_WithTheKeyboardAlone_AQuestionIsAnswered_AndNothingOverflowsTheScreen()
    {
        await using var bot = await BotHost.StartAsync(answers: null);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await OpenAsync(context, bot);

        // The send box has the focus when the chat opens: typing and Enter are all it takes.
        await page.Keyboard.TypeAsync("Who is South Korea's president?");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(Answer)).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, "chat-phone.png") });

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width}px wide, wider than the phone's 390px.");
        var sendBox = await page.Locator("[data-id='webchat-sendbox-input']").BoundingBoxAsync();
        Assert.NotNull(sendBox);
        Assert.InRange(sendBox.Y + sendBox.Height, 0, 844);
    }

    [Fact]
    public async Task WithAChatModel_TheAnswerAppearsAsItIsWritten_AndTheCheckedAnswerReplacesTheDraft()
    {
        await using var model = await Answering.Model.FakeChatModel.StartAsync();
        model.Streams(
            prompt =>
            {
                var quoted = Answering.Model.FakeChatModel.Quote(prompt, 1);
                var half = quoted.IndexOf(' ', quoted.Length / 2);
                return [quoted[..half], quoted[half..], " [1]"];
            },
            pause: TimeSpan.FromMilliseconds(1500));
        await using var bot = await BotHost.StartAsync(
            answers: null,
            ["ChatModel:Provider=OpenAICompatible", $"ChatModel:Endpoint={model.Endpoint}", "ChatModel:Model=x", "Conversations:DraftInterval=00:00:00"]);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var page = await OpenAsync(context, bot);

        await AskAsync(page, "Where did Lee and Ishiba meet?");

        // The draft shows first (text, no citations yet), in a bubble of its own…
        var draft = page.Locator(BotMessage).Nth(1);
        await Assertions.Expect(draft).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(Answer)).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, "chat-streaming.png") });

        // …and the checked answer, with its citations, takes its place: one bubble, not a draft left behind.
        await Assertions.Expect(page.Locator(Answer)).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(BotMessage)).ToHaveCountAsync(2);
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, BotHost bot)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        await page.GotoAsync(bot.Client.BaseAddress!.AbsoluteUri);
        await Assertions.Expect(page.Locator(BotMessage, new PageLocatorOptions { HasText = Welcome })).ToBeVisibleAsync();
        return page;
    }

    private static async Task AskAsync(IPage page, string question)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(question);
        await input.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".webchat__bubble--from-user", new PageLocatorOptions { HasText = question })).ToBeVisibleAsync();
    }

    /// <summary>Uncaught script errors; the page has no business throwing any.</summary>
    private static List<string> CollectPageErrors(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    private static async Task<UserFeedback> WaitForFeedbackAsync(IFeedbackStore store)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await store.ListAsync(CancellationToken.None) is [var stored, ..])
            {
                return stored;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No feedback reached the store within ten seconds of the click.");
    }
}
