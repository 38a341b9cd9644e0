using Microsoft.Extensions.AI;
using SummitBot.Answering.Model;
using SummitBot.Hosting;

namespace SummitBot.Tests.Answering.Model;

public sealed class PromptTemplateTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("summitbot-prompt-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ShippedPrompt_RendersASystemMessage_ThenTheTurns_ThenThePassagesAndQuestion()
    {
        var prompt = PromptTemplate.Load(Path.Combine(RepositoryRoot.Locate(), "prompts", "answer.yaml"));

        var messages = prompt.Render(new
        {
            question = "Where did they meet?",
            history = new[] { new { question = "Who is Lee?", answer = "The president. [1]" } },
            sources = new[] { new { n = 1, title = "A title", outlet = "Reuters", text = "They met in Tokyo & talked." } },
            not_covered = "NOT_COVERED",
        });

        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], messages.Select(m => m.Role));
        Assert.Equal("AnswerFromArticles", prompt.Name);
        Assert.Equal(0f, prompt.Temperature);
        Assert.Contains("[1] A title (Reuters): They met in Tokyo & talked.", messages[^1].Text, StringComparison.Ordinal);
        Assert.EndsWith("Question: Where did they meet?", messages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptInAnotherTemplateFormat_IsRefusedWithAMessage()
    {
        var path = Write("name: x\ntemplate_format: semantic-kernel\ntemplate: hello {{$input}}\n");

        var error = Assert.Throws<InvalidDataException>(() => PromptTemplate.Load(path));

        Assert.Contains("template_format must be handlebars", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenYaml_IsRefusedWithItsLine()
    {
        var path = Write("name: x\ntemplate: [unclosed\n");

        var error = Assert.Throws<InvalidDataException>(() => PromptTemplate.Load(path));

        Assert.Contains("line", error.Message, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(folder, "prompt.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
