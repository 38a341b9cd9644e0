using Microsoft.Extensions.Configuration;
using SummitBot.Conversations;
using SummitBot.Hosting;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Conversations;

public sealed class SuggestionsTests
{
    [Fact]
    public void Next_SkipsWhatWasAsked_InAnyCaseOrPunctuation_AndOffersThree()
    {
        string[] configured = ["Who is South Korea's president?", "Where did they meet?", "Why Tokyo?", "What was agreed?", "When?"];

        var next = Suggestions.Next(configured, ["who is south korea's president", "Why Tokyo?"]);

        Assert.Equal(["Where did they meet?", "What was agreed?", "When?"], next);
    }

    /// <summary>A suggestion the articles cannot answer would send a visitor straight into a refusal.</summary>
    [Fact]
    public async Task EveryShippedSuggestion_IsAnsweredFromTheArticles()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Locate(), "appsettings.json")).Build()
            .GetSection("Conversations:SuggestedQuestions").Get<string[]>()!;

        Assert.True(shipped.Length >= 6, $"{shipped.Length} suggestions");
        foreach (var question in shipped)
        {
            var answer = await TestAnswers.AskAsync(question);
            Assert.True(answer.Grounded && answer.Citations.Count > 0, $"\"{question}\" is not answered: {answer.Text}");
        }
    }
}
