using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Transcripts;
using SummitBot.Hosting;

namespace SummitBot.Tests.Evaluation.Transcripts;

public sealed class TranscriptLoaderTests
{
    public static string ExamplePath => Path.Combine(RepositoryRoot.Locate(), "tests", "Evaluation", "Transcripts", "venue.transcript");

    [Fact]
    public void Load_AnEmulatorTranscript_ReplaysUserMessagesInOrder_WithTheBotsRepliesAsExpectations()
    {
        var errors = new List<ScriptError>();

        var suite = TranscriptLoader.Load(ExamplePath, File.ReadAllText(ExamplePath), errors);

        Assert.Empty(errors);
        var evalCase = Assert.Single(suite!.Cases);
        Assert.Equal("venue", evalCase.Id);
        Assert.Equal(["Where did the two leaders meet?", "On which day?"], evalCase.Turns.Select(t => t.Ask));
        // The welcome answered the conversationUpdate, which is not replayed; typing and trace are not messages.
        Assert.Equal(
            [["They met at the prime minister's residence\n in Tokyo [1]."], ["On Saturday, 23 August [1]."]],
            evalCase.Turns.Select(t => Assert.IsType<RecordedReplies>(t.Check).Messages.Select(m => m.Text)));
    }

    [Fact]
    public void Load_AnObjectWithATranscriptArray_IsReadLikeAPlainArray()
    {
        var suite = Load("""
            { "transcript": [
              { "type": "message", "from": { "role": "user" }, "text": "Hi" },
              { "type": "message", "from": { "role": "bot" }, "text": "Hello" },
              { "type": "message", "from": { "role": "bot" }, "text": "Ask me anything." }
            ] }
            """, out var errors);

        Assert.Empty(errors);
        var turn = Assert.Single(suite!.Cases[0].Turns);
        Assert.Equal(["Hello", "Ask me anything."], Assert.IsType<RecordedReplies>(turn.Check).Messages.Select(m => m.Text));
    }

    [Fact]
    public void Load_AMessageWithoutARole_IsTheUsers()
    {
        var suite = Load("""[{ "type": "message", "from": { "id": "u" }, "text": "Hi" }]""", out _);

        Assert.Equal("Hi", Assert.Single(suite!.Cases[0].Turns).Ask);
    }

    [Fact]
    public void Load_ADirectLineLogWithoutRoles_TakesTheRepliesForTheBots_WithTheirSuggestedActions()
    {
        var suite = Load("""
            [
              { "type": "message", "id": "c|0", "from": { "id": "summitbot", "name": "SummitBot" }, "text": "Welcome!" },
              { "type": "message", "id": "c|1", "from": { "id": "dl_visitor" }, "text": "Where did they meet?" },
              { "type": "message", "id": "c|2", "replyToId": "c|1", "from": { "id": "summitbot", "name": "SummitBot" }, "text": "In Tokyo [1].",
                "suggestedActions": { "actions": [ { "type": "imBack", "title": "When?", "value": "When?" } ] } }
            ]
            """, out var errors);

        Assert.Empty(errors);
        var turn = Assert.Single(suite!.Cases[0].Turns);
        var reply = Assert.Single(Assert.IsType<RecordedReplies>(turn.Check).Messages);
        Assert.Equal(("In Tokyo [1].", "When?"), (reply.Text, Assert.Single(reply.SuggestedActions)));
    }

    [Theory]
    [InlineData("[\n  { \"type\": \"message\",\n    \"text\": oops }\n]", 3, "bad JSON")]
    [InlineData("{ \"activities\": [] }", null, "a JSON array of activities")]
    [InlineData("[{ \"type\": \"message\", \"from\": { \"role\": \"bot\" }, \"text\": \"Hello\" }]", null, "no user messages to replay")]
    [InlineData("[{ \"type\": \"message\", \"from\": { \"role\": \"user\" }, \"attachments\": [] }]", null, "activity 1: a user message without text")]
    public void Load_ATranscriptThatCannotBeReplayed_SaysWhy(string json, int? line, string message)
    {
        var suite = Load(json, out var errors);

        Assert.Null(suite);
        var error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static EvalSuite? Load(string json, out List<ScriptError> errors)
    {
        errors = [];
        return TranscriptLoader.Load("chat.transcript", json, errors);
    }
}
