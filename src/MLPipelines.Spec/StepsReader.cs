using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>
/// Reads a preprocessing list. Each step is a bare kind (<c>- impute</c>) or a one-key mapping from the kind to its
/// options (<c>- normalize: {method: robust}</c>); options left out take their catalog defaults. Steps run in the
/// fixed order of <see cref="PreprocessingCatalog.Kinds"/> (each acts on its own kind of column), so each kind may
/// appear once and the list must be written in that order: what is written is what runs.
/// </summary>
internal static class StepsReader
{
    public static List<PreprocessingStepSpec>? Read(YamlNode node, string path, SpecReadContext context)
    {
        if (node is not YamlSequenceNode sequence)
        {
            var hint = MapReader.IsNull(node) ? "; write [] for no preprocessing" : "";
            context.Error(node, path, $"expected a list of preprocessing steps, got {ScalarValue.Describe(node)}{hint}");
            return null;
        }

        var steps = new List<PreprocessingStepSpec>();
        var indexOfKind = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = SpecReadContext.Item(path, i);
            var item = sequence.Children[i];
            context.Remember(itemPath, item);
            if (ReadStep(item, itemPath, context) is not { } step)
            {
                continue;
            }

            if (indexOfKind.TryGetValue(step.Kind, out var first))
            {
                context.Error(item, itemPath,
                    $"step '{step.Kind}' is already at {SpecReadContext.Item(path, first)}; each step may appear once");
                continue;
            }

            var rank = Rank(step.Kind);
            if (indexOfKind.Where(kv => Rank(kv.Key) > rank).OrderBy(kv => kv.Value).FirstOrDefault() is { Key: { } later } laterStep)
            {
                context.Error(item, itemPath,
                    $"step '{step.Kind}' must come before '{later}' ({SpecReadContext.Item(path, laterStep.Value)}); steps always run in the order {string.Join(", ", PreprocessingCatalog.Kinds)}");
            }

            indexOfKind[step.Kind] = i;
            steps.Add(step);
        }

        return steps;
    }

    private static readonly List<string> RunOrder = [.. PreprocessingCatalog.Kinds];

    private static int Rank(string kind) => RunOrder.IndexOf(kind);

    private static PreprocessingStepSpec? ReadStep(YamlNode item, string itemPath, SpecReadContext context)
    {
        YamlNode kindNode;
        YamlNode? optionsNode = null;
        switch (item)
        {
            case YamlScalarNode scalar when !MapReader.IsNull(scalar):
                kindNode = scalar;
                break;
            case YamlMappingNode { Children.Count: 1 } mapping:
                (kindNode, optionsNode) = mapping.Children.Single();
                break;
            case YamlMappingNode mapping:
                var keys = string.Join(", ", mapping.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? "?"));
                var message = mapping.Children.Count == 0
                    ? "a step needs a kind, e.g. '- impute'"
                    : $"a step is one key (its kind) holding its options, e.g. '- normalize: {{method: zscore}}'; found {mapping.Children.Count} keys: {keys} (are the options indented under the kind?)";
                context.Error(item, itemPath, message);
                return null;
            default:
                context.Error(item, itemPath,
                    $"expected a step: one of {string.Join(", ", PreprocessingCatalog.Kinds)}, alone or with options; got {ScalarValue.Describe(item)}");
                return null;
        }

        var kind = (kindNode as YamlScalarNode)?.Value ?? "";
        if (!PreprocessingCatalog.Contains(kind))
        {
            context.Error(kindNode, itemPath,
                $"unknown preprocessing step '{kind}'{NameSuggester.DidYouMean(kind, PreprocessingCatalog.Kinds)} (known steps: {string.Join(", ", PreprocessingCatalog.Kinds)})");
            return null;
        }

        var stepPath = SpecReadContext.Child(itemPath, kind);
        context.Remember(stepPath, kindNode);
        var optionKeys = PreprocessingCatalog.OptionsOf(kind).Select(SpecKey.FromOption).ToList();
        var wording = new UnknownKeyWording($"unknown option of step '{kind}'", "its options are");
        var values = MapReader.Read(optionsNode, stepPath, context.At(kindNode), optionKeys, wording, context);
        var step = new PreprocessingStepSpec { Kind = kind };
        foreach (var key in optionKeys)
        {
            step.Options[key.Name] = values.Values[key.Name];
        }

        return step;
    }
}
