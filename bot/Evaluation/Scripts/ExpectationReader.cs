using YamlDotNet.RepresentationModel;

namespace SummitBot.Evaluation.Scripts;

/// <summary>Reads an <c>expect:</c> block: phrases, cited article ids (which must exist) and refuses.</summary>
internal sealed class ExpectationReader(ScriptNodes nodes, IReadOnlySet<string> articleIds)
{
    private static readonly string[] ExpectKeys = ["any", "all", "none", "cites", "refuses"];

    public Expectation? Read(YamlNode node, string label)
    {
        if (node is not YamlMappingNode mapping)
        {
            nodes.Error(node.Start, $"{label}: 'expect' is a mapping of any, all, none, cites and refuses");
            return null;
        }

        var before = nodes.ErrorCount;
        List<string> any = [], all = [], none = [], cites = [];
        bool? refuses = null;
        foreach (var (key, value) in nodes.Entries(mapping, ExpectKeys, "expect"))
        {
            switch (key)
            {
                case "any":
                    any = nodes.Phrases(value, key);
                    break;
                case "all":
                    all = nodes.Phrases(value, key);
                    break;
                case "none":
                    none = nodes.Phrases(value, key);
                    break;
                case "cites":
                    cites = ArticleIds(value);
                    break;
                case "refuses":
                    refuses = nodes.Boolean(value, key);
                    break;
            }
        }

        var expectation = new Expectation(any, all, none, cites, refuses);
        if (nodes.ErrorCount > before)
        {
            return null;
        }

        if (!expectation.StatesAnything)
        {
            nodes.Error(mapping.Start, $"{label}: 'expect' states nothing, so it cannot fail");
            return null;
        }

        if (refuses == true && cites.Count > 0)
        {
            nodes.Error(mapping.Start, $"{label}: 'refuses: true' means nothing is cited, so 'cites' cannot hold too");
            return null;
        }

        return expectation;
    }

    private List<string> ArticleIds(YamlNode node)
    {
        var ids = new List<string>();
        foreach (var item in nodes.Items(node, "cites"))
        {
            if (nodes.NonEmptyScalar(item, "cites") is not { } id)
            {
                continue;
            }

            if (!articleIds.Contains(id))
            {
                var known = string.Join(", ", articleIds.Order(StringComparer.Ordinal));
                nodes.Error(item.Start, $"unknown article id '{id}' in cites (the articles are: {known})");
            }

            ids.Add(id);
        }

        return ids;
    }
}
