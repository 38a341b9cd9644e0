using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Turns;

/// <summary>
/// Where the replies of a recovered turn go when its channel is not reached through the Connector: the bot's own
/// Direct Line, whose replies are added to the conversation's log (in the database every instance shares).
/// </summary>
public interface IRecoveredTurnReplies
{
    /// <returns>The turn's replies, or null when the activity is not this channel's (or its conversation is gone).</returns>
    Task<ITurnReplies?> ForAsync(Activity activity, CancellationToken cancellationToken);
}
