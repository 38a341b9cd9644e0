namespace SummitBot.Protocol.Activities;

/// <summary>Buttons shown under a message until the user answers.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);

/// <param name="Type">`imBack` posts <see cref="Value"/> back as if the user typed it.</param>
public sealed record CardAction(string Type, string Title, string Value)
{
    public const string ImBack = "imBack";
}
