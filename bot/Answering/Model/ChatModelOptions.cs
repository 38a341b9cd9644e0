using System.ComponentModel.DataAnnotations;

namespace SummitBot.Answering.Model;

/// <summary>
/// The chat model the answer step may use (section "ChatModel"). With no <see cref="Model"/> the bot answers
/// extractively, offline. Any OpenAI-compatible server works: OpenAI, Azure OpenAI's /openai/v1, Ollama,
/// vLLM, llama.cpp.
/// </summary>
public sealed class ChatModelOptions
{
    public const string Section = "ChatModel";

    /// <summary>The model name ("gpt-4o-mini", "llama3.1"). Default empty: no model, extractive answers.</summary>
    public string? Model { get; set; }

    /// <summary>The server's base address, ending in /v1. Default empty: OpenAI's own.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The API key. A secret: set it in the environment (ChatModel__ApiKey) or user secrets, never in
    /// appsettings.json; it is never logged. Needed for OpenAI's own endpoint; a local server may take none.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The prompt file, relative to the repository root. Default "prompts/answer.yaml".</summary>
    [Required]
    public string PromptPath { get; set; } = "prompts/answer.yaml";

    /// <summary>Each call to the model is cancelled after this long and counts as a failure. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a failed call (429, 5xx, timeouts, network errors). Default 2.</summary>
    [Range(0, 5)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>The first retry waits about this long, with jitter, doubling each time. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Model);
}
