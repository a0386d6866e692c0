using MLPipelines.Spec.Declarations;
using MLPipelines.Tuning.Search;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>
/// Reads a model's <c>tune.space</c>: each key an option of the model's trainer (with "did you mean"), each value one
/// distribution whose bounds or choices must be valid values of that option (its type and declared range), so a
/// search can never try a configuration the trainer would reject.
/// </summary>
internal static class SearchSpaceReader
{
    public static SearchSpace? Read(YamlNode node, string path, ITrainerDeclaration plugin, SpecReadContext context)
    {
        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            context.Error(node, path, $"expected {ValueReader.Expected(TuningFormat.Space)} (at least one option), got {ScalarValue.Describe(node)}");
            return null;
        }

        var dimensions = new List<SearchDimension>();
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var keyPath = SpecReadContext.Child(path, name);
            context.Remember(keyPath, valueNode);
            var option = plugin.Options.FirstOrDefault(o => o.Name == name);
            if (option is null)
            {
                var names = plugin.Options.Select(o => o.Name).ToList();
                context.Error(keyNode, keyPath, $"unknown option of trainer '{plugin.Name}'{NameSuggester.DidYouMean(name, names)} (its options are {string.Join(", ", names)})");
                ok = false;
                continue;
            }

            if (Distribution(valueNode, keyPath, option, context) is { } distribution)
            {
                dimensions.Add(new SearchDimension(name, distribution));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? new SearchSpace(dimensions) : null;
    }

    private static SearchDistribution? Distribution(YamlNode node, string path, OptionDescriptor option, SpecReadContext context)
    {
        var kinds = TuningFormat.DistributionKinds;
        if (node is not YamlMappingNode { Children.Count: 1 } mapping || mapping.Children.First().Key is not YamlScalarNode { Value: { } kind })
        {
            context.Error(node, path, $"expected one distribution, e.g. {{log_uniform: [0.01, 0.3]}} or {{choice: [a, b]}} (one of {string.Join(", ", kinds)}), got {ScalarValue.Describe(node)}");
            return null;
        }

        var argument = mapping.Children.First().Value;
        var argumentPath = SpecReadContext.Child(path, kind);
        if (!kinds.Contains(kind, StringComparer.Ordinal))
        {
            context.Error(mapping.Children.First().Key, argumentPath, $"unknown distribution '{kind}'{NameSuggester.DidYouMean(kind, kinds)} (one of {string.Join(", ", kinds)})");
            return null;
        }

        var key = SpecKey.FromOption(option) with { Nullable = option.Nullable };
        if (kind == "choice")
        {
            return Choice(argument, argumentPath, key, context);
        }

        var integer = kind.StartsWith("int_", StringComparison.Ordinal);
        var fits = integer ? option.Kind == OptionKind.Int : option.Kind == OptionKind.Float;
        if (!fits)
        {
            var instead = option.Kind switch
            {
                OptionKind.Int => "int_uniform, int_log_uniform or choice",
                OptionKind.Float => "uniform, log_uniform or choice",
                _ => "choice",
            };
            context.Error(node, argumentPath, $"{option.Name} is {Describe(option.Kind)}: use {instead}");
            return null;
        }

        return Range(argument, argumentPath, kind, key with { Nullable = false }, context);
    }

    private static SearchDistribution? Range(YamlNode node, string path, string kind, SpecKey key, SpecReadContext context)
    {
        if (node is not YamlSequenceNode { Children.Count: 2 } bounds)
        {
            context.Error(node, path, $"expected [low, high], got {ScalarValue.Describe(node)}");
            return null;
        }

        var values = new object?[2];
        var ok = true;
        for (var i = 0; i < 2; i++)
        {
            var itemPath = SpecReadContext.Item(path, i);
            context.Remember(itemPath, bounds.Children[i]);
            ok &= ValueReader.TryRead(bounds.Children[i], key, itemPath, context, out values[i]);
        }

        if (!ok)
        {
            return null;
        }

        var (low, high) = (Convert.ToDouble(values[0], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(values[1], System.Globalization.CultureInfo.InvariantCulture));
        var integer = kind.StartsWith("int_", StringComparison.Ordinal);
        if (integer ? high < low : high <= low)
        {
            context.Error(bounds.Children[1], SpecReadContext.Item(path, 1), $"the upper bound must be {(integer ? "at least" : "greater than")} the lower bound ({(integer ? ((long)low).ToString(System.Globalization.CultureInfo.InvariantCulture) : ScalarValue.FormatDouble(low))})");
            return null;
        }

        if (kind.Contains("log", StringComparison.Ordinal) && low < (integer ? 1 : double.Epsilon))
        {
            context.Error(bounds.Children[0], SpecReadContext.Item(path, 0), $"a {kind} range needs a lower bound {(integer ? ">= 1" : "> 0")}, got {ScalarValue.FormatDouble(low)}");
            return null;
        }

        return kind switch
        {
            "uniform" => new UniformDistribution(low, high),
            "log_uniform" => new LogUniformDistribution(low, high),
            "int_uniform" => new IntUniformDistribution((long)low, (long)high),
            _ => new IntLogUniformDistribution((long)low, (long)high),
        };
    }

    private static ChoiceDistribution? Choice(YamlNode node, string path, SpecKey key, SpecReadContext context)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } items)
        {
            context.Error(node, path, $"expected a list of values, e.g. [a, b], got {ScalarValue.Describe(node)}");
            return null;
        }

        var values = new List<object?>();
        var ok = true;
        for (var i = 0; i < items.Children.Count; i++)
        {
            var itemPath = SpecReadContext.Item(path, i);
            context.Remember(itemPath, items.Children[i]);
            if (ValueReader.TryRead(items.Children[i], key, itemPath, context, out var value))
            {
                values.Add(value);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? new ChoiceDistribution(values) : null;
    }

    private static string Describe(OptionKind kind) => kind switch
    {
        OptionKind.Int => "an integer option",
        OptionKind.Float => "a number option",
        OptionKind.Bool => "a true/false option",
        OptionKind.IntList or OptionKind.FloatList => "a list option",
        _ => "a text option",
    };
}
