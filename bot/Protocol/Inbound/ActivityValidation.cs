using Microsoft.Extensions.Options;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Connector;

namespace SummitBot.Protocol.Inbound;

/// <summary>
/// What an activity must carry before the bot acts on it, and how long what it carries may be: every string the
/// bot keeps, logs or echoes in its replies is bounded, so a caller cannot make it hold or send megabytes of ids.
/// </summary>
public sealed class ActivityValidation(IOptions<BotProtocolOptions> options, ServiceUrlPolicy serviceUrls)
{
    private readonly BotProtocolOptions limits = options.Value;

    /// <summary>Types that reach the turn handler; all others are acknowledged and ignored.</summary>
    public static bool IsHandled(string? type) =>
        type is ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.EndOfConversation or ActivityTypes.Invoke or ActivityTypes.Event;

    /// <returns>Why the activity cannot be handled, or null when it can.</returns>
    public string? Problem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!IsHandled(activity.Type))
        {
            return null;
        }

        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return "The activity has no channelId.";
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return "The activity has no conversation.id.";
        }

        if (LengthProblem(activity) is { } field)
        {
            return field;
        }

        var serviceUrl = ConnectorUrls.ParseServiceUrl(activity.ServiceUrl);
        if (activity.ServiceUrl is not null && serviceUrl is null)
        {
            return "The activity's serviceUrl is not an absolute http(s) address without user info, query or fragment.";
        }

        var needsConnector = activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate
            && activity.DeliveryMode != DeliveryModes.ExpectReplies;
        if (!needsConnector)
        {
            return null;
        }

        if (serviceUrl is null)
        {
            return "The activity has no serviceUrl, so there is nowhere to reply.";
        }

        return serviceUrls.Allows(serviceUrl)
            ? null
            : "The activity's serviceUrl is not one this bot replies to (BotProtocol:AllowedServiceUrls; without it, anonymous mode replies only to loopback addresses).";
    }

    /// <returns>A sentence naming the first field over its limit, or null.</returns>
    public string? LengthProblem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var fields = new List<(string Name, string? Value, int Limit, string Key)>
        {
            ("id", activity.Id, limits.MaxIdLength, nameof(limits.MaxIdLength)),
            ("replyToId", activity.ReplyToId, limits.MaxIdLength, nameof(limits.MaxIdLength)),
            ("channelId", activity.ChannelId, limits.MaxIdLength, nameof(limits.MaxIdLength)),
            ("conversation.id", activity.Conversation?.Id, limits.MaxIdLength, nameof(limits.MaxIdLength)),
            ("locale", activity.Locale, limits.MaxIdLength, nameof(limits.MaxIdLength)),
            ("name", activity.Name, limits.MaxIdLength, nameof(limits.MaxIdLength)),
            ("serviceUrl", activity.ServiceUrl, limits.MaxServiceUrlLength, nameof(limits.MaxServiceUrlLength)),
        };
        AddAccount(fields, "from", activity.From);
        AddAccount(fields, "recipient", activity.Recipient);
        var members = activity.MembersAdded ?? [];
        for (var i = 0; i < members.Count; i++)
        {
            AddAccount(fields, $"membersAdded[{i}]", members[i]);
        }

        var (name, _, limit, key) = fields.FirstOrDefault(f => f.Value?.Length > f.Limit);
        return name is null ? null : $"The activity's {name} is longer than {limit} characters (BotProtocol:{key}).";
    }

    /// <summary>The whole account is echoed as the reply's from or recipient, so all of it is bounded.</summary>
    private void AddAccount(List<(string, string?, int, string)> fields, string prefix, ChannelAccount? account)
    {
        if (account is null)
        {
            return;
        }

        fields.Add(($"{prefix}.id", account.Id, limits.MaxIdLength, nameof(limits.MaxIdLength)));
        fields.Add(($"{prefix}.name", account.Name, limits.MaxNameLength, nameof(limits.MaxNameLength)));
        fields.Add(($"{prefix}.aadObjectId", account.AadObjectId, limits.MaxIdLength, nameof(limits.MaxIdLength)));
        fields.Add(($"{prefix}.role", account.Role, limits.MaxIdLength, nameof(limits.MaxIdLength)));
    }
}
