using Microsoft.Extensions.Options;

namespace SummitBot.Answering.Model;

/// <summary>What each provider needs, checked at start, each failure naming the key to set.</summary>
internal sealed class ChatModelOptionsValidator(IHostEnvironment environment) : IValidateOptions<ChatModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return string.IsNullOrWhiteSpace(options.Model) && options.Endpoint is null
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("ChatModel:Model or ChatModel:Endpoint is set but ChatModel:Provider is not: set it to OpenAI, AzureOpenAI or OpenAICompatible (or clear them for offline answers).");
        }

        var failures = new List<string>();
        switch (options.Provider)
        {
            case ChatModelProvider.OpenAI:
                Require(failures, options.Model, "ChatModel:Model", "the model name, such as gpt-4o-mini");
                Require(failures, options.ApiKey, "ChatModel:ApiKey", "OpenAI's API key; set it in the environment (ChatModel__ApiKey) or user secrets, never in appsettings.json");
                break;
            case ChatModelProvider.AzureOpenAI:
                RequireAddress(failures, options.Endpoint, "the Azure OpenAI resource's address, such as https://NAME.openai.azure.com/");
                Require(failures, options.Deployment, "ChatModel:Deployment", "the name of the model's deployment in the Azure OpenAI resource");
                break;
            case ChatModelProvider.OpenAICompatible:
                RequireAddress(failures, options.Endpoint, "the server's base address ending in /v1, such as http://127.0.0.1:11434/v1");
                if (options.Endpoint is { } endpoint && !endpoint.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal))
                {
                    failures.Add($"ChatModel:Endpoint '{endpoint}' must end in /v1, where OpenAI-compatible servers answer /chat/completions.");
                }

                Require(failures, options.Model, "ChatModel:Model", "the model name the server knows, such as llama3.1");
                break;
            default:
                failures.Add($"ChatModel:Provider '{options.Provider}' is not one of OpenAI, AzureOpenAI, OpenAICompatible.");
                break;
        }

        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add($"ChatModel:AttemptTimeout ({options.AttemptTimeout}) must not be longer than ChatModel:TotalTimeout ({options.TotalTimeout}).");
        }

        if (!File.Exists(Path.Combine(environment.ContentRootPath, options.PromptPath)))
        {
            failures.Add($"ChatModel:PromptPath '{options.PromptPath}' names no file.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is needed: {what}.");
        }
    }

    private static void RequireAddress(List<string> failures, Uri? endpoint, string what)
    {
        if (endpoint is null)
        {
            failures.Add($"ChatModel:Endpoint is needed: {what}.");
        }
        else if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"ChatModel:Endpoint '{endpoint}' is not an http(s) address.");
        }
    }
}
