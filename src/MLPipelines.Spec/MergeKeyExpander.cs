using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>
/// Applies YAML merge keys (<c>&lt;&lt;: *base</c> or <c>&lt;&lt;: [*a, *b]</c>) in place: the keys of the merged
/// mappings are added unless the mapping already has them (explicit keys win, then earlier sources), and the
/// <c>&lt;&lt;</c> entry is removed. Merged nodes keep their own positions, so an error in a shared block points at
/// the block. (YamlDotNet's MergingParser rejects overriding a merged key as a duplicate, which YAML allows.)
/// </summary>
internal static class MergeKeyExpander
{
    public static void Expand(YamlNode root, string displayPath) => Expand(root, displayPath, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

    private static void Expand(YamlNode node, string displayPath, HashSet<YamlNode> visited)
    {
        if (!visited.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    Expand(child, displayPath, visited);
                }

                break;
            case YamlMappingNode mapping:
                foreach (var child in mapping.Children.Values)
                {
                    Expand(child, displayPath, visited);
                }

                Merge(mapping, displayPath);
                break;
        }
    }

    private static void Merge(YamlMappingNode mapping, string displayPath)
    {
        var mergeKey = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain });
        if (mergeKey is null)
        {
            return;
        }

        var value = mapping.Children[mergeKey];
        IReadOnlyList<YamlNode> sources = value is YamlSequenceNode list ? list.Children.ToList() : [value];
        if (sources.FirstOrDefault(s => s is not YamlMappingNode) is { } bad)
        {
            var location = new SourceLocation(displayPath, checked((int)bad.Start.Line), checked((int)bad.Start.Column));
            throw SpecException.FromErrors(
                [new SpecError(location, "", $"a merge key '<<' takes a mapping or a list of mappings, e.g. '<<: *defaults'; got {ScalarValue.Describe(bad)}")]);
        }

        mapping.Children.Remove(mergeKey);
        foreach (var source in sources.Cast<YamlMappingNode>())
        {
            foreach (var (key, item) in source.Children)
            {
                if (!mapping.Children.ContainsKey(key))
                {
                    mapping.Children.Add(key, item);
                }
            }
        }
    }
}
