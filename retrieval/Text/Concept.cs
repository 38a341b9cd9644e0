namespace SummitBot.Retrieval.Text;

/// <summary>
/// One meaningful term of some text. Words that are names of the same thing (an alias group) share a key,
/// so "ROK" in a question and "South Korea" in an article are the same concept.
/// </summary>
/// <param name="Key">The alias group's key, or the word's stem.</param>
/// <param name="Surface">The words as written.</param>
/// <param name="IsName">Written capitalised inside a sentence, or a number: a name the answer must be about.</param>
public sealed record Concept(string Key, string Surface, int Index, bool IsName);
