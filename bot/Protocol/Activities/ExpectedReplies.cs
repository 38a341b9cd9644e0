namespace SummitBot.Protocol.Activities;

/// <summary>The response body for `deliveryMode: expectReplies`: the turn's replies, in order.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
