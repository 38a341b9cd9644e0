using System.Globalization;
using Microsoft.SemanticKernel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SummitBot.Answering.Model;

/// <summary>
/// Reads a prompt file in Semantic Kernel's prompt YAML schema (name, description, template_format, template,
/// input_variables, execution_settings) into a <see cref="PromptTemplateConfig"/>. Semantic Kernel's own reader
/// (Microsoft.SemanticKernel.Yaml) is not served by this registry; this is the few lines of it the bot needs.
/// </summary>
public static class PromptFile
{
    /// <exception cref="InvalidDataException">The file is not a Handlebars prompt in the schema, with the message saying why.</exception>
    public static PromptTemplateConfig Load(string path)
    {
        Schema? file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
                .Deserialize<Schema>(File.ReadAllText(path));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: line {e.Start.Line}: not a prompt file ({e.Message}).", e);
        }

        if (file is null || string.IsNullOrWhiteSpace(file.Template))
        {
            throw new InvalidDataException($"{path}: a prompt file needs a template.");
        }

        if (!string.Equals(file.TemplateFormat, HandlebarsPromptTemplateFactory.Format, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: template_format must be {HandlebarsPromptTemplateFactory.Format}, not '{file.TemplateFormat}'.");
        }

        var config = new PromptTemplateConfig(file.Template)
        {
            Name = file.Name ?? Path.GetFileNameWithoutExtension(path),
            Description = file.Description,
            TemplateFormat = file.TemplateFormat,
            InputVariables = [.. (file.InputVariables ?? []).Select(v => new InputVariable { Name = v.Name ?? "", Description = v.Description, IsRequired = v.IsRequired })],
        };
        foreach (var (service, settings) in file.ExecutionSettings ?? [])
        {
            config.ExecutionSettings[service] = new PromptExecutionSettings
            {
                ServiceId = service == PromptExecutionSettings.DefaultServiceId ? null : service,
                ExtensionData = settings.ToDictionary(s => s.Key, s => Typed(s.Value)),
            };
        }

        return config;
    }

    /// <summary>YAML scalars arrive as text; the connectors read execution settings as JSON, where 0 and "0" differ.</summary>
    private static object Typed(object value) => value switch
    {
        string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => whole,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => real,
        string text when bool.TryParse(text, out var flag) => flag,
        _ => value,
    };

    private sealed class Schema
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? TemplateFormat { get; set; }

        public string? Template { get; set; }

        public List<Variable>? InputVariables { get; set; }

        public Dictionary<string, Dictionary<string, object>>? ExecutionSettings { get; set; }
    }

    private sealed class Variable
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public bool IsRequired { get; set; }
    }
}
