using SummitBot.Answering;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Retrieval.Search;

/// <summary>
/// Paraphrased questions (not the articles' wording where it can be helped) and the articles that answer
/// them: at least one must be among the articles of the top three hits. Some are bridged only by the
/// WordNet thesaurus ("pull out" for "reduce their presence").
/// </summary>
public sealed class RetrieverRankingTests
{
    private const string Gli = "gli-south-korea-japan-team-up";
    private const string Joint = "ishiba-lee-joint-announcement";
    private const string Preview = "lee-to-meet-ishiba-before-trump-summit";
    private const string NewsMania = "newsmania-lee-in-japan-to-strengthen-ties";
    private const string Reuters = "reuters-ishiba-lee-affirm-cooperation";

    public static TheoryData<string, string[]> Questions => new()
    {
        { "What did Ishiba say steady ties would bring to both nations and the region?", [Reuters] },
        { "Might Washington pull soldiers out of the peninsula?", [Preview] },
        { "How did Japanese officials react to Lee coming to Tokyo first?", [Joint] },
        { "Which values and systems did Lee say the two countries have in common?", [Reuters] },
        { "What did Lee say about the global order being shaken?", [Reuters] },
        { "Who made the trip public on behalf of the presidential office?", [Preview] },
        { "How much has Seoul pledged to invest in America?", [Preview] },
        { "How much liquefied natural gas will South Korea buy?", [Preview] },
        { "Which parliamentary vote was Ishiba facing?", [Preview, Joint] },
        { "When did Yoon impose military rule?", [Preview] },
        { "What ties is Pyongyang building with Moscow?", [Preview] },
        { "Which youth exchange schemes will grow?", [Joint] },
        { "In which technology fields will the two governments work together?", [Joint] },
        { "What kind of diplomacy with regular reciprocal visits will restart?", [Joint] },
        { "Why are rivals pushing Ishiba to quit?", [Joint] },
        { "How many days separated the Tokyo visit from the Washington summit?", [Joint] },
        { "Where in Tokyo were the talks held?", [Reuters, NewsMania] },
        { "Where had the two leaders met for the first time?", [Reuters, NewsMania, Joint, Preview, Gli] },
        { "Why did the shrine visit anger Seoul?", [Reuters, NewsMania, Joint, Gli] },
        { "For how many years did Japan rule Korea as a colony?", [Reuters, NewsMania, Preview, Gli] },
        { "What three-way security arrangement did earlier leaders set up?", [Gli, NewsMania, Reuters] },
        { "What does Trump want Seoul to pay for American forces?", [Gli, NewsMania, Reuters, Joint, Preview] },
        { "On which weekday did the South Korean leader land in Japan?", [Gli, NewsMania, Reuters] },
        { "How many US soldiers are based in the two countries?", [Gli, NewsMania, Reuters, Joint] },
        { "What happened to Yoon after his martial law attempt?", [Preview, NewsMania, Reuters, Joint, Gli] },
        { "Which rising power do Tokyo and Seoul want to counterbalance?", [Gli, NewsMania, Reuters, Joint] },
        { "What kind of relationship did the June encounter in Canada lay the groundwork for?", [Preview] },
        { "How did South Korea's government describe its feelings about the shrine trip?", [Joint, NewsMania, Reuters] },
        { "What did Ishiba say about the worsening strategic environment?", [Joint] },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Question_FindsAnArticleThatAnswersIt_InTheTopThree(string question, string[] answeringArticles)
    {
        // As the answer step asks: favouring passages with the kind of thing asked for (a date for "when").
        var query = TestEngine.Load().Query(question) with { Favours = QuestionKinds.Favouring(QuestionKinds.Of(question)) };
        var hits = await TestEngine.Load().Retriever.SearchAsync(query, 3, CancellationToken.None);

        var found = hits.SelectMany(h => h.ArticleIds).ToList();
        Assert.True(answeringArticles.Intersect(found).Any(), $"top 3 held {string.Join(", ", found)}; wanted one of {string.Join(", ", answeringArticles)}");
    }
}
