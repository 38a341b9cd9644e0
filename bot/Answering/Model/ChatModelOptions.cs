using System.ComponentModel.DataAnnotations;

namespace SummitBot.Answering.Model;

/// <summary>Which kind of server answers as the chat model.</summary>
public enum ChatModelProvider
{
    /// <summary>No model: the bot answers extractively, offline, in the articles' own sentences.</summary>
    None,

    /// <summary>OpenAI's own service: <see cref="ChatModelOptions.Model"/> and <see cref="ChatModelOptions.ApiKey"/>.</summary>
    OpenAI,

    /// <summary>
    /// An Azure OpenAI resource: <see cref="ChatModelOptions.Endpoint"/>, <see cref="ChatModelOptions.Deployment"/>, and
    /// either <see cref="ChatModelOptions.ApiKey"/> or Microsoft Entra ID (DefaultAzureCredential: a managed identity,
    /// the Azure CLI's sign-in, environment credentials).
    /// </summary>
    AzureOpenAI,

    /// <summary>Any server speaking OpenAI's chat completions (Ollama, vLLM, llama.cpp, LM Studio): an endpoint ending in /v1.</summary>
    OpenAICompatible,
}

/// <summary>
/// The chat model the answer step may use (section "ChatModel"). With no <see cref="Provider"/> the bot answers
/// extractively, offline. What each provider needs is checked at start by <see cref="ChatModelOptionsValidator"/>.
/// </summary>
public sealed class ChatModelOptions
{
    public const string Section = "ChatModel";

    /// <summary>Default None: no model, extractive answers.</summary>
    public ChatModelProvider Provider { get; set; }

    /// <summary>The model name ("gpt-4o-mini", "llama3.1"). Needed by OpenAI and OpenAICompatible; optional for Azure, where it is reported.</summary>
    public string? Model { get; set; }

    /// <summary>The server's address: an Azure OpenAI resource (https://NAME.openai.azure.com/), or a compatible server's base ending in /v1.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The Azure OpenAI deployment's name. Needed by AzureOpenAI only.</summary>
    public string? Deployment { get; set; }

    /// <summary>
    /// The API key. A secret: set it in the environment (ChatModel__ApiKey) or user secrets
    /// (`dotnet user-secrets set ChatModel:ApiKey … --project bot`), never in appsettings.json; it is never logged.
    /// Needed by OpenAI; for AzureOpenAI, empty means Microsoft Entra ID; a local server may take none.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The prompt file, relative to the repository root. Default "prompts/answer.yaml".</summary>
    [Required]
    public string PromptPath { get; set; } = "prompts/answer.yaml";

    /// <summary>
    /// The most one answer may wait for the model, retries included; past it the user gets the extractive answer.
    /// Default 10 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Each call to the model is cancelled after this long and counts as a failure. Default 8 seconds; at most <see cref="TotalTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Retries after a failed call (408, 429, 5xx, timeouts, network errors), within <see cref="TotalTimeout"/>. Default 2.</summary>
    [Range(0, 5)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>The first retry waits about this long, with jitter, doubling each time, unless the server sends Retry-After. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsConfigured => Provider != ChatModelProvider.None;

    /// <summary>What answers, for reports and logs: the model, or the Azure deployment. Never the key.</summary>
    public string Describe() => Provider switch
    {
        ChatModelProvider.None => "none",
        ChatModelProvider.AzureOpenAI => $"AzureOpenAI deployment {Deployment}" + (string.IsNullOrWhiteSpace(Model) ? "" : $" ({Model})"),
        _ => $"{Provider} {Model}",
    };
}
