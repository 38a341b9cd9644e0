using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace SummitBot.Answering.Model;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI SDK's chat client, for text messages: the adapter that
/// Microsoft.Extensions.AI.OpenAI would provide, which this registry lacks. The SDK's own retries are off:
/// the answer step's resilience pipeline is the one place that retries.
/// </summary>
internal sealed class OpenAIChatClient : IChatClient
{
    /// <summary>OpenAI's SDK wants a key even for servers that take none; this one is never sent anywhere that checks it.</summary>
    private const string NoKey = "none";

    private readonly ChatClient client;

    public OpenAIChatClient(ChatModelOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        if (options.Endpoint is not null)
        {
            settings.Endpoint = options.Endpoint;
        }

        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey;
        client = new ChatClient(options.Model, new ApiKeyCredential(key), settings);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var completion = await client.CompleteChatAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken).ConfigureAwait(false);
        var text = string.Concat(completion.Value.Content.Select(part => part.Text));
        return new ChatResponse(new AIChatMessage(ChatRole.Assistant, text)) { ModelId = completion.Value.Model };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in client.CompleteChatStreamingAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken).ConfigureAwait(false))
        {
            foreach (var part in update.ContentUpdate)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, part.Text);
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose()
    {
        // The HttpClient belongs to the factory that made it.
    }

    private static List<OpenAIChatMessage> ToOpenAI(IEnumerable<AIChatMessage> messages) =>
        [.. messages.Select<AIChatMessage, OpenAIChatMessage>(m =>
            m.Role == ChatRole.System ? new SystemChatMessage(m.Text)
            : m.Role == ChatRole.Assistant ? new AssistantChatMessage(m.Text)
            : new UserChatMessage(m.Text))];

    private static ChatCompletionOptions ToOpenAI(ChatOptions? options) => new()
    {
        Temperature = options?.Temperature,
        MaxOutputTokenCount = options?.MaxOutputTokens,
    };
}
