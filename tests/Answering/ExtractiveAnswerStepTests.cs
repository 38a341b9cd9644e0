using System.Text.RegularExpressions;
using SummitBot.Answering;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Answering;

public sealed partial class ExtractiveAnswerStepTests
{
    [Fact]
    public async Task WhereTheyMet_IsAnsweredWithTokyo_AndCited()
    {
        var answer = await TestAnswers.AskAsync("Where did Lee and Ishiba meet?");

        Assert.True(answer.Grounded);
        Assert.Contains("Tokyo", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
    }

    /// <summary>"Host" is in the articles only as hosting troops; the question asks for a city, which that sentence lacks.</summary>
    [Fact]
    public async Task WhichCityHostedTheSummit_IsAnsweredWithTokyo_NotWithTheTroopsTheCountriesHost()
    {
        var answer = await TestAnswers.AskAsync("Which city hosted the summit?");

        Assert.True(answer.Grounded);
        Assert.Contains("Tokyo", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("troops", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>One article, written before the visit, tells the meeting as still to come on August 23–24.</summary>
    [Theory]
    [InlineData("When did Lee and Ishiba meet?")]
    [InlineData("On what date did the summit take place?")]
    public async Task MeetingToldAsPastAndAsUpcoming_IsAnsweredWithBothAccounts_EachCitingItsOwnArticle(string question)
    {
        var answer = await TestAnswers.AskAsync(question);

        var lead = answer.Text.IndexOf(AnswerComposer.OtherAccountLead, StringComparison.Ordinal);
        Assert.True(lead > 0, answer.Text);
        var (told, other) = (answer.Text[..lead], answer.Text[lead..]);
        Assert.Contains("will meet", other, StringComparison.Ordinal);
        var otherMarker = Assert.Single(Regex.Matches(other, @"\[(\d+)\]")).Value;
        Assert.DoesNotContain(otherMarker, told, StringComparison.Ordinal);
        Assert.DoesNotContain("will meet", told, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("When did Lee take office?")]      // "will meet … since assuming office": the future is the meeting's
    [InlineData("How many American troops are in Japan and South Korea?")]   // "around 80,000", "almost 80,000": one figure
    public async Task AccountsThatAgreeOnWhatIsAsked_AreOneAnswer(string question)
    {
        var answer = await TestAnswers.AskAsync(question);

        Assert.True(answer.Grounded);
        Assert.DoesNotContain(AnswerComposer.OtherAccountLead, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Did the talks cover climate change?")]   // "climate change": no article word is it or relates to it
    [InlineData("What did Lee and Ishiba say about climate change?")]
    [InlineData("Who won the 2022 World Cup?")]
    [InlineData("What is the capital of Australia?")]
    [InlineData("How do I bake sourdough bread?")]
    [InlineData("What did Fumio Kishida say about the summit?")]   // names and numbers no article mentions,
    [InlineData("Did Emmanuel Macron attend the Tokyo talks?")]    // though the question's other words are everywhere
    [InlineData("What did Lee tell Ishiba about Samsung?")]
    [InlineData("What did Lee and Ishiba agree in 2027?")]
    [InlineData("Did Japan pay 5 billion dollars to South Korea at the summit?")]
    public async Task QuestionTheArticlesDoNotCover_IsDeclined_WithNoCitation(string question)
    {
        var answer = await TestAnswers.AskAsync(question);

        Assert.False(answer.Grounded, answer.Text);
        Assert.Empty(answer.Citations);
        Assert.Contains("don't cover", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decline_NamesTheConfiguredTopic()
    {
        using var services = TestAnswers.BuildServices(
        [
            new("Retrieval:IndexPath", Path.Combine(Path.GetTempPath(), $"summitbot-topic-{Environment.ProcessId}")),
            new("Answering:Topic", "the 2031 harbour festival"),
        ]);

        var answer = await services.GetRequiredService<IAnswerStep>().AnswerAsync("What is the capital of Australia?", [], CancellationToken.None);

        Assert.Equal("The articles don't cover that. I can answer questions about the 2031 harbour festival.", answer.Text);
    }

    [Theory]
    [InlineData("About 80,000 US troops are in Japan and South Korea, aren't they?")]
    [InlineData("How many American troops are stationed in Japan and South Korea?")]
    [InlineData("What tariff did Japan and South Korea accept on their exports to the US?")]
    [InlineData("Who announced Lee's visit?")]
    public async Task EverySentenceOfAnAnswer_IsAnArticleSentence_FollowedByMarkersOfArticlesThatContainIt(string question)
    {
        var answer = await TestAnswers.AskAsync(question);
        var corpus = await TestAnswers.Knowledge.GetCorpusAsync(CancellationToken.None);

        Assert.True(answer.Grounded);
        var claims = Claim().Matches(answer.Text);
        Assert.InRange(claims.Count, 1, 3);
        foreach (Match claim in claims)
        {
            var markers = Marker().Matches(claim.Groups["markers"].Value).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            var first = answer.Citations.Single(c => c.N == markers.First());
            Assert.Contains(claim.Groups["sentence"].Value.Trim(), corpus.Find(first.ArticleId)!.Text, StringComparison.Ordinal);
        }

        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
    }

    [Fact]
    public async Task FollowUpWithAPronoun_IsAnsweredFromTheEarlierQuestion()
    {
        var first = await TestAnswers.AskAsync("Who is South Korea's president?");

        var followUp = await TestAnswers.AskAsync("When did he take office?", new ConversationTurn("Who is South Korea's president?", first.Text));

        Assert.True(followUp.Grounded);
        Assert.Contains("June", followUp.Text, StringComparison.Ordinal);
        Assert.NotEmpty(followUp.Citations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    public async Task EmptyQuestion_GetsAPoliteAnswer(string question)
    {
        var answer = await TestAnswers.AskAsync(question);

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.False(string.IsNullOrWhiteSpace(answer.Text));
    }

    [Fact]
    public async Task OverlongQuestion_IsDeclinedPolitely()
    {
        var answer = await TestAnswers.AskAsync(new string('x', 5000));

        Assert.False(answer.Grounded);
        Assert.Contains("too long", answer.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<sentence>[^\[]+?)\s(?<markers>(\[\d+\])+)")]
    private static partial Regex Claim();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();
}
