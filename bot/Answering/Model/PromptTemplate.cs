using System.Net;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Microsoft.Extensions.AI;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SummitBot.Answering.Model;

/// <summary>
/// A prompt file in Semantic Kernel's prompt YAML schema (name, description, template_format: handlebars,
/// template, input_variables, execution_settings), rendered to chat messages. As in Semantic Kernel, values
/// are HTML-encoded as they go in and decoded once the &lt;message role="…"&gt; blocks are split, so a question
/// that contains "&lt;/message&gt;" stays inside its own message.
/// </summary>
public sealed partial class PromptTemplate
{
    private readonly HandlebarsTemplate<object, object> render;

    private PromptTemplate(PromptFile file, HandlebarsTemplate<object, object> render)
    {
        Name = file.Name ?? "prompt";
        var settings = file.ExecutionSettings?.GetValueOrDefault("default");
        Temperature = settings?.Temperature;
        MaxTokens = settings?.MaxTokens;
        this.render = render;
    }

    public string Name { get; }

    public float? Temperature { get; }

    public int? MaxTokens { get; }

    /// <exception cref="InvalidDataException">The file is not a Handlebars prompt in the schema, with the message saying why.</exception>
    public static PromptTemplate Load(string path)
    {
        PromptFile? file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
                .Deserialize<PromptFile>(File.ReadAllText(path));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: line {e.Start.Line}: not a prompt file ({e.Message}).", e);
        }

        if (file is null || string.IsNullOrWhiteSpace(file.Template))
        {
            throw new InvalidDataException($"{path}: a prompt file needs a template.");
        }

        if (!string.Equals(file.TemplateFormat, "handlebars", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: template_format must be handlebars, not '{file.TemplateFormat}'.");
        }

        return new PromptTemplate(file, Handlebars.Create().Compile(file.Template));
    }

    /// <param name="variables">The input variables by name (anonymous objects and lists are fine).</param>
    public IReadOnlyList<ChatMessage> Render(object variables)
    {
        var text = render(variables);
        var messages = Message().Matches(text)
            .Select(m => new ChatMessage(new ChatRole(m.Groups["role"].Value), WebUtility.HtmlDecode(m.Groups["content"].Value).Trim()))
            .ToList();
        return messages.Count > 0 ? messages : [new ChatMessage(ChatRole.User, WebUtility.HtmlDecode(text).Trim())];
    }

    [GeneratedRegex("<message role=\"(?<role>system|user|assistant)\">(?<content>.*?)</message>", RegexOptions.Singleline)]
    private static partial Regex Message();

    private sealed class PromptFile
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? TemplateFormat { get; set; }

        public string? Template { get; set; }

        public Dictionary<string, ExecutionSettings>? ExecutionSettings { get; set; }
    }

    private sealed class ExecutionSettings
    {
        public float? Temperature { get; set; }

        public int? MaxTokens { get; set; }
    }
}
