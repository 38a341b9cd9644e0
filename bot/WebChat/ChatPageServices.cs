namespace SummitBot.WebChat;

public static class ChatPageServices
{
    /// <summary>The chat page's options and the start-up line that says where to chat.</summary>
    public static IServiceCollection AddChatPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatPageOptions>().Bind(configuration.GetSection(ChatPageOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Title), "ChatPage:Title must not be empty.")
            .ValidateOnStart();
        services.AddHostedService<WhereToChatLog>();
        return services;
    }
}
