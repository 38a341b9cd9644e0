using System.Diagnostics.CodeAnalysis;
using HandlebarsDotNet;
using Microsoft.SemanticKernel;

namespace SummitBot.Answering.Model;

/// <summary>
/// Semantic Kernel's "handlebars" template format over Handlebars.Net, standing in for
/// Microsoft.SemanticKernel.PromptTemplates.Handlebars, which this registry does not serve. Handlebars is kept
/// (rather than Semantic Kernel's own format) because the prompt loops over the passages and the earlier turns,
/// and Semantic Kernel's format has no loops. Values are HTML-encoded as they go in, as in Semantic Kernel:
/// the kernel reads the rendered &lt;message role="…"&gt; blocks as XML, which decodes them, so a question holding
/// "&lt;/message&gt;" or "{{…}}" stays text inside its own message.
/// </summary>
public sealed class HandlebarsPromptTemplateFactory : IPromptTemplateFactory
{
    public const string Format = "handlebars";

    public bool TryCreate(PromptTemplateConfig templateConfig, [NotNullWhen(true)] out IPromptTemplate? result)
    {
        ArgumentNullException.ThrowIfNull(templateConfig);
        result = string.Equals(templateConfig.TemplateFormat, Format, StringComparison.Ordinal)
            ? new Template(Handlebars.Create().Compile(templateConfig.Template))
            : null;
        return result is not null;
    }

    private sealed class Template(HandlebarsTemplate<object, object> render) : IPromptTemplate
    {
        public Task<string> RenderAsync(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = (arguments ?? []).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            return Task.FromResult(render(values));
        }
    }
}
