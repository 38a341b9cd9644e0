using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SummitBot.Evaluation.Scripts;

/// <summary>
/// Reads a <c>*.qa.yaml</c> script. The YAML is read as a node tree rather than deserialised into classes so
/// that every problem can be reported at its line, and all of them at once, before any case runs.
/// </summary>
public static partial class QaScriptLoader
{
    public const string Extension = ".qa.yaml";

    private static readonly string[] ScriptKeys = ["name", "cases"];
    private static readonly string[] CaseKeys = ["id", "ask", "expect", "turns"];
    private static readonly string[] TurnKeys = ["ask", "expect"];
    private static readonly string[] ExpectKeys = ["any", "all", "none", "cites", "refuses"];

    /// <param name="articleIds">The ids <c>cites:</c> may name.</param>
    /// <param name="errors">Receives every problem found; the result is null when any was found.</param>
    public static EvalSuite? Load(string file, string yaml, IReadOnlySet<string> articleIds, ICollection<ScriptError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var reader = new Reader(file, articleIds, errors);
        var before = errors.Count;
        var suite = reader.ReadScript(yaml);
        return errors.Count == before ? suite : null;
    }

    private sealed class Reader(string file, IReadOnlySet<string> articleIds, ICollection<ScriptError> errors)
    {
        private readonly Dictionary<string, int> idLines = new(StringComparer.Ordinal);

        public EvalSuite? ReadScript(string yaml)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException ex)
            {
                Error(ex.Start, $"bad YAML: {WithoutPosition(ex)}");
                return null;
            }

            if (stream.Documents.Count != 1)
            {
                errors.Add(new ScriptError(file, null, stream.Documents.Count == 0
                    ? "the file is empty; a script has a name and a list of cases"
                    : "a script is one YAML document; this file has several"));
                return null;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Error(stream.Documents[0].RootNode.Start, "a script is a mapping with 'name' and 'cases'");
                return null;
            }

            string? name = null;
            List<EvalCase>? cases = null;
            foreach (var (key, value) in Entries(root, ScriptKeys, "script"))
            {
                switch (key)
                {
                    case "name":
                        name = NonEmptyScalar(value, "name");
                        break;
                    case "cases":
                        cases = ReadCases(value, name ?? DefaultName());
                        break;
                }
            }

            if (cases is null)
            {
                Error(root.Start, "the script has no 'cases'");
                return null;
            }

            var suiteName = name ?? DefaultName();
            return new EvalSuite(suiteName, file, [.. cases.Select(c => c with { Suite = suiteName })]);
        }

        private List<EvalCase> ReadCases(YamlNode node, string suite)
        {
            var cases = new List<EvalCase>();
            if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                Error(node.Start, "'cases' is a list with at least one case");
                return cases;
            }

            foreach (var item in sequence)
            {
                if (ReadCase(item, suite) is { } evalCase)
                {
                    cases.Add(evalCase);
                }
            }

            return cases;
        }

        private EvalCase? ReadCase(YamlNode node, string suite)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(node.Start, "a case is a mapping with 'id' and either 'ask' and 'expect', or 'turns'");
                return null;
            }

            string? id = null;
            YamlNode? ask = null, expect = null, turns = null;
            foreach (var (key, value) in Entries(mapping, CaseKeys, "case"))
            {
                switch (key)
                {
                    case "id":
                        id = NonEmptyScalar(value, "id");
                        if (id is not null && !idLines.TryAdd(id, LineOf(value.Start) ?? 0))
                        {
                            Error(value.Start, $"duplicate id '{id}' (first used at line {idLines[id]})");
                        }

                        break;
                    case "ask":
                        ask = value;
                        break;
                    case "expect":
                        expect = value;
                        break;
                    case "turns":
                        turns = value;
                        break;
                }
            }

            var label = id is null ? "this case" : $"case '{id}'";
            if (id is null)
            {
                Error(mapping.Start, "the case has no 'id'");
            }

            if (ask is not null && turns is not null)
            {
                Error(mapping.Start, $"{label} has both 'ask' and 'turns'; a case is one question or one conversation");
                return null;
            }

            if (ask is null && turns is null)
            {
                Error(mapping.Start, $"{label} has neither 'ask' nor 'turns'");
                return null;
            }

            if (turns is not null && expect is not null)
            {
                Error(expect.Start, $"{label}: with 'turns', each turn has its own 'expect'");
                return null;
            }

            var evalTurns = ask is not null
                ? ReadTurn(ask, expect, mapping.Start, label) is { } single ? [single] : []
                : ReadTurns(turns!, label);
            return id is null ? null : new EvalCase(suite, id, file, LineOf(mapping.Start), evalTurns);
        }

        private List<EvalTurn> ReadTurns(YamlNode node, string label)
        {
            var turns = new List<EvalTurn>();
            if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                Error(node.Start, $"{label}: 'turns' is a list with at least one turn");
                return turns;
            }

            foreach (var item in sequence)
            {
                if (item is not YamlMappingNode mapping)
                {
                    Error(item.Start, $"{label}: a turn is a mapping with 'ask' and 'expect'");
                    continue;
                }

                YamlNode? ask = null, expect = null;
                foreach (var (key, value) in Entries(mapping, TurnKeys, "turn"))
                {
                    if (key == "ask")
                    {
                        ask = value;
                    }
                    else
                    {
                        expect = value;
                    }
                }

                if (ask is null)
                {
                    Error(mapping.Start, $"{label}: the turn has no 'ask'");
                }
                else if (ReadTurn(ask, expect, mapping.Start, label) is { } turn)
                {
                    turns.Add(turn);
                }
            }

            return turns;
        }

        private EvalTurn? ReadTurn(YamlNode askNode, YamlNode? expectNode, Mark at, string label)
        {
            var ask = NonEmptyScalar(askNode, "ask");
            if (expectNode is null || IsNull(expectNode))
            {
                Error(at, $"{label}: no 'expect'; a question that states no expectation cannot fail");
                return null;
            }

            var expectation = ReadExpectation(expectNode, label);
            return ask is null || expectation is null ? null : new EvalTurn(ask, expectation);
        }

        private Expectation? ReadExpectation(YamlNode node, string label)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(node.Start, $"{label}: 'expect' is a mapping of any, all, none, cites and refuses");
                return null;
            }

            var before = errors.Count;
            List<string> any = [], all = [], none = [], cites = [];
            bool? refuses = null;
            foreach (var (key, value) in Entries(mapping, ExpectKeys, "expect"))
            {
                switch (key)
                {
                    case "any":
                        any = Phrases(value, key);
                        break;
                    case "all":
                        all = Phrases(value, key);
                        break;
                    case "none":
                        none = Phrases(value, key);
                        break;
                    case "cites":
                        cites = ArticleIds(value);
                        break;
                    case "refuses":
                        refuses = Boolean(value, key);
                        break;
                }
            }

            var expectation = new Expectation(any, all, none, cites, refuses);
            if (errors.Count > before)
            {
                return null;
            }

            if (!expectation.StatesAnything)
            {
                Error(mapping.Start, $"{label}: 'expect' states nothing, so it cannot fail");
                return null;
            }

            if (refuses == true && cites.Count > 0)
            {
                Error(mapping.Start, $"{label}: 'refuses: true' means nothing is cited, so 'cites' cannot hold too");
                return null;
            }

            return expectation;
        }

        /// <summary>The mapping's entries whose keys are known; every other key is reported.</summary>
        private List<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping, string[] known, string what)
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

        private List<string> Phrases(YamlNode node, string key)
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

        private List<string> ArticleIds(YamlNode node)
        {
            var ids = new List<string>();
            foreach (var item in Items(node, "cites"))
            {
                if (NonEmptyScalar(item, "cites") is not { } id)
                {
                    continue;
                }

                if (!articleIds.Contains(id))
                {
                    var known = string.Join(", ", articleIds.Order(StringComparer.Ordinal));
                    Error(item.Start, $"unknown article id '{id}' in cites (the articles are: {known})");
                }

                ids.Add(id);
            }

            return ids;
        }

        /// <summary>A list, or a single value standing for a list of one; null or [] is empty.</summary>
        private IEnumerable<YamlNode> Items(YamlNode node, string key)
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

        private bool? Boolean(YamlNode node, string key)
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

        private string? NonEmptyScalar(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }

            Error(node.Start, $"'{key}' must be a non-empty string");
            return null;
        }

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

        private string DefaultName()
        {
            var name = Path.GetFileName(file);
            return name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? name[..^Extension.Length] : name;
        }

        private void Error(Mark at, string message) => errors.Add(new ScriptError(file, LineOf(at), message));
    }

    private static int? LineOf(Mark mark) => mark.Line > 0 ? checked((int)mark.Line) : null;

    /// <summary>YamlDotNet prefixes its messages with the position, which the error already gives as its line.</summary>
    private static string WithoutPosition(YamlException ex)
    {
        var message = PositionPrefix().Replace(ex.Message, string.Empty);
        return ex.InnerException is { Message: { } inner } && message.Length == 0 ? inner : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
