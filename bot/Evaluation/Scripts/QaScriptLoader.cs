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

    /// <param name="articleIds">The ids <c>cites:</c> may name.</param>
    /// <param name="errors">Receives every problem found; the result is null when any was found.</param>
    public static EvalSuite? Load(string file, string yaml, IReadOnlySet<string> articleIds, ICollection<ScriptError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var nodes = new ScriptNodes(file, errors);
        var reader = new Reader(nodes, new ExpectationReader(nodes, articleIds));
        var before = errors.Count;
        var suite = reader.ReadScript(yaml);
        return errors.Count == before ? suite : null;
    }

    private sealed class Reader(ScriptNodes nodes, ExpectationReader expectations)
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
                nodes.Error(ex.Start, $"bad YAML: {WithoutPosition(ex)}");
                return null;
            }

            if (stream.Documents.Count != 1)
            {
                nodes.Error(stream.Documents.Count == 0
                    ? "the file is empty; a script has a name and a list of cases"
                    : "a script is one YAML document; this file has several");
                return null;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                nodes.Error(stream.Documents[0].RootNode.Start, "a script is a mapping with 'name' and 'cases'");
                return null;
            }

            string? name = null;
            List<EvalCase>? cases = null;
            foreach (var (key, value) in nodes.Entries(root, ScriptKeys, "script"))
            {
                switch (key)
                {
                    case "name":
                        name = nodes.NonEmptyScalar(value, "name");
                        break;
                    case "cases":
                        cases = ReadCases(value, name ?? DefaultName());
                        break;
                }
            }

            if (cases is null)
            {
                nodes.Error(root.Start, "the script has no 'cases'");
                return null;
            }

            var suiteName = name ?? DefaultName();
            return new EvalSuite(suiteName, nodes.File, [.. cases.Select(c => c with { Suite = suiteName })]);
        }

        private List<EvalCase> ReadCases(YamlNode node, string suite)
        {
            var cases = new List<EvalCase>();
            if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                nodes.Error(node.Start, "'cases' is a list with at least one case");
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
                nodes.Error(node.Start, "a case is a mapping with 'id' and either 'ask' and 'expect', or 'turns'");
                return null;
            }

            string? id = null;
            YamlNode? ask = null, expect = null, turns = null;
            foreach (var (key, value) in nodes.Entries(mapping, CaseKeys, "case"))
            {
                switch (key)
                {
                    case "id":
                        id = nodes.NonEmptyScalar(value, "id");
                        if (id is not null && !idLines.TryAdd(id, ScriptNodes.LineOf(value.Start) ?? 0))
                        {
                            nodes.Error(value.Start, $"duplicate id '{id}' (first used at line {idLines[id]})");
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
                nodes.Error(mapping.Start, "the case has no 'id'");
            }

            if (ask is not null && turns is not null)
            {
                nodes.Error(mapping.Start, $"{label} has both 'ask' and 'turns'; a case is one question or one conversation");
                return null;
            }

            if (ask is null && turns is null)
            {
                nodes.Error(mapping.Start, $"{label} has neither 'ask' nor 'turns'");
                return null;
            }

            if (turns is not null && expect is not null)
            {
                nodes.Error(expect.Start, $"{label}: with 'turns', each turn has its own 'expect'");
                return null;
            }

            var evalTurns = ask is not null
                ? ReadTurn(ask, expect, mapping.Start, label) is { } single ? [single] : []
                : ReadTurns(turns!, label);
            return id is null ? null : new EvalCase(suite, id, nodes.File, ScriptNodes.LineOf(mapping.Start), evalTurns);
        }

        private List<EvalTurn> ReadTurns(YamlNode node, string label)
        {
            var turns = new List<EvalTurn>();
            if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                nodes.Error(node.Start, $"{label}: 'turns' is a list with at least one turn");
                return turns;
            }

            foreach (var item in sequence)
            {
                if (item is not YamlMappingNode mapping)
                {
                    nodes.Error(item.Start, $"{label}: a turn is a mapping with 'ask' and 'expect'");
                    continue;
                }

                YamlNode? ask = null, expect = null;
                foreach (var (key, value) in nodes.Entries(mapping, TurnKeys, "turn"))
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
                    nodes.Error(mapping.Start, $"{label}: the turn has no 'ask'");
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
            var ask = nodes.NonEmptyScalar(askNode, "ask");
            if (expectNode is null || ScriptNodes.IsNull(expectNode))
            {
                nodes.Error(at, $"{label}: no 'expect'; a question that states no expectation cannot fail");
                return null;
            }

            var expectation = expectations.Read(expectNode, label);
            return ask is null || expectation is null ? null : new EvalTurn(ask, expectation);
        }

        private string DefaultName()
        {
            var name = Path.GetFileName(nodes.File);
            return name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? name[..^Extension.Length] : name;
        }
    }

    /// <summary>YamlDotNet prefixes its messages with the position, which the error already gives as its line.</summary>
    private static string WithoutPosition(YamlException ex)
    {
        var message = PositionPrefix().Replace(ex.Message, string.Empty);
        return ex.InnerException is { Message: { } inner } && message.Length == 0 ? inner : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
