using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SummitBot.Evaluation.Scripts;

/// <summary>
/// Reads values out of a script's YAML nodes and reports what is wrong with them at their line, so a
/// reader can go on and find every problem in one pass instead of stopping at the first.
/// </summary>
internal sealed class ScriptNodes(string file, ICollection<ScriptError> errors)
{
    public string File => file;

    /// <summary>How many problems have been reported so far; a reader compares it before and after a part.</summary>
    public int ErrorCount => errors.Count;

    public void Error(Mark at, string message) => errors.Add(new ScriptError(file, LineOf(at), message));

    public void Error(string message) => errors.Add(new ScriptError(file, null, message));

    /// <summary>The mapping's entries whose keys are known; every other key is reported.</summary>
    public List<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping, string[] known, string what)
    {
        var entries = new List<(string, YamlNode)>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is not null && known.Contains(key, StringComparer.Ordinal))
            {
                entries.Add((key, value));
            }
            else
            {
                Error(keyNode.Start, $"unknown key '{key ?? keyNode.ToString()}' in {what} (expected {string.Join(", ", known)})");
            }
        }

        return entries;
    }

    public List<string> Phrases(YamlNode node, string key)
    {
        var phrases = new List<string>();
        foreach (var item in Items(node, key))
        {
            if (NonEmptyScalar(item, key) is { } phrase)
            {
                phrases.Add(phrase);
            }
        }

        return phrases;
    }

    /// <summary>A list, or a single value standing for a list of one; null or [] is empty.</summary>
    public IEnumerable<YamlNode> Items(YamlNode node, string key)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                return sequence.Children;
            case YamlScalarNode when IsNull(node):
                return [];
            case YamlScalarNode:
                return [node];
            default:
                Error(node.Start, $"'{key}' is a list of strings");
                return [];
        }
    }

    public bool? Boolean(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            if (bool.TryParse(value, out var result))
            {
                return result;
            }
        }

        Error(node.Start, $"'{key}' is true or false");
        return null;
    }

    public string? NonEmptyScalar(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        Error(node.Start, $"'{key}' must be a non-empty string");
        return null;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    public static int? LineOf(Mark mark) => mark.Line > 0 ? checked((int)mark.Line) : null;
}
