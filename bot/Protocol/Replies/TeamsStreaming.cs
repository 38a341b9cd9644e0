using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Replies;

/// <summary>
/// One answer streamed in a Teams personal chat, in Teams' streaming protocol: drafts are typing activities with
/// the text so far and a `streaminfo` entity numbered from 1; the first draft's id (from Teams' response) names the
/// stream; the final message carries `streamType: final` and replaces them. Teams streams only in personal chats.
/// </summary>
public sealed class TeamsStreaming
{
    private int sequence;

    /// <summary>Teams' id of the first draft; null until it is known.</summary>
    public string? Id { get; private set; }

    /// <summary>The first draft was not delivered, or gave no id: the answer arrives whole instead.</summary>
    public bool Broken { get; private set; }

    public bool Started => Id is not null;

    /// <returns>A stream for a turn whose answer Teams can stream, or null.</returns>
    public static TeamsStreaming? For(Activity inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return inbound.ChannelId == ChannelIds.MsTeams
            && string.Equals(inbound.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
            && inbound.DeliveryMode != DeliveryModes.ExpectReplies
                ? new TeamsStreaming()
                : null;
    }

    /// <summary>The next draft, numbered, naming the stream once it is known.</summary>
    public Activity Draft(Activity draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft with { Entities = [.. draft.Entities ?? [], new StreamInfoEntity(StreamTypes.Streaming, ++sequence, Id)] };
    }

    /// <summary>Records Teams' id for the first draft; without one the stream is given up.</summary>
    public void Begin(string? id)
    {
        Id = id;
        Broken = string.IsNullOrEmpty(id);
    }

    /// <summary>The message that ends the stream and replaces its drafts.</summary>
    public Activity Finish(Activity message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message with { Entities = [.. message.Entities ?? [], new StreamInfoEntity(StreamTypes.Final, StreamId: Id)] };
    }
}
