using System.Globalization;
using System.Text.RegularExpressions;
using MLPipelines.Spec.Declarations;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>Reads one scalar or list value against its <see cref="SpecKey"/>: type, range, allowed values, pattern.</summary>
internal static class ValueReader
{
    /// <summary>
    /// The typed value of <paramref name="node"/>, or false after recording an error at <paramref name="path"/>.
    /// Typed as <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> or, for lists,
    /// <c>List&lt;object&gt;</c> (<c>List&lt;string&gt;</c> for string and enum lists).
    /// </summary>
    public static bool TryRead(YamlNode node, SpecKey key, string path, SpecReadContext context, out object? value)
    {
        value = null;
        if (node is YamlScalarNode scalar && ScalarValue.Classify(scalar).Type == ScalarType.Null)
        {
            if (key.Nullable)
            {
                return true;
            }

            context.Error(node, path, $"expected {Expected(key)}, got an empty value");
            return false;
        }

        return key.Kind switch
        {
            SpecValueKind.IntList or SpecValueKind.FloatList or SpecValueKind.StringList or SpecValueKind.EnumList =>
                TryReadList(node, key, path, context, out value),
            _ => TryReadScalar(node, key, path, context, out value),
        };
    }

    /// <summary>How the value of <paramref name="key"/> is described after "expected".</summary>
    public static string Expected(SpecKey key) => key.Kind switch
    {
        SpecValueKind.Int => "an integer",
        SpecValueKind.Float => "a number",
        SpecValueKind.Bool => "true or false",
        SpecValueKind.String => "a string",
        SpecValueKind.Enum => $"one of {string.Join(", ", key.Allowed)}",
        SpecValueKind.IntList => "a list of integers, e.g. [256, 256]",
        SpecValueKind.FloatList => "a list of numbers",
        SpecValueKind.StringList => "a list of strings, e.g. [a, b]",
        SpecValueKind.EnumList => $"a list of values from {string.Join(", ", key.Allowed)}",
        SpecValueKind.Section => "a mapping (key: value pairs)",
        SpecValueKind.Steps => "a list of preprocessing steps",
        SpecValueKind.Models => "a list of models",
        SpecValueKind.ImageSet => "a path, or {images, labels} for IDX files",
        SpecValueKind.Datasets => "a list of datasets",
        SpecValueKind.Tune => "true, false or a mapping (space and tuning keys)",
        SpecValueKind.SearchSpace => "a mapping of option: distribution, e.g. learning_rate: {log_uniform: [0.01, 0.3]}",
        _ => key.Kind.ToString(),
    };

    /// <summary>The range of a numeric key as text, e.g. <c>&gt;= 2 and &lt;= 100</c>; empty when unbounded.</summary>
    public static string RangeText(SpecKey key) => NumberRange.Text(key.Min, key.Max, key.MinExclusive, key.MaxExclusive);

    private static bool TryReadList(YamlNode node, SpecKey key, string path, SpecReadContext context, out object? value)
    {
        value = null;
        if (node is not YamlSequenceNode sequence)
        {
            var hint = node is YamlScalarNode ? $"; write [{((YamlScalarNode)node).Value}] for a list of one" : "";
            context.Error(node, path, $"expected {Expected(key)}, got {ScalarValue.Describe(node)}{hint}");
            return false;
        }

        var elementKind = key.Kind switch
        {
            SpecValueKind.IntList => SpecValueKind.Int,
            SpecValueKind.FloatList => SpecValueKind.Float,
            SpecValueKind.EnumList => SpecValueKind.Enum,
            _ => SpecValueKind.String,
        };
        var elementKey = key with { Kind = elementKind, Nullable = false };
        var ok = true;
        var items = new List<object>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var child = sequence.Children[i];
            var childPath = SpecReadContext.Item(path, i);
            context.Remember(childPath, child);
            if (!TryReadScalar(child, elementKey, childPath, context, out var item) || item is null)
            {
                ok = false;
                continue;
            }

            if (elementKind == SpecValueKind.Enum && item is string text && !seen.TryAdd(text, i))
            {
                context.Error(child, childPath, $"'{text}' is already listed at {SpecReadContext.Item(path, seen[text])}");
                ok = false;
                continue;
            }

            items.Add(item);
        }

        value = elementKind is SpecValueKind.String or SpecValueKind.Enum ? items.Cast<string>().ToList() : items;
        return ok;
    }

    private static bool TryReadScalar(YamlNode node, SpecKey key, string path, SpecReadContext context, out object? value)
    {
        value = null;
        if (node is not YamlScalarNode scalar)
        {
            context.Error(node, path, $"expected {Expected(key)}, got {ScalarValue.Describe(node)}");
            return false;
        }

        var (type, typed) = ScalarValue.Classify(scalar);
        var text = scalar.Value ?? "";
        switch (key.Kind)
        {
            case SpecValueKind.Int when type == ScalarType.Int:
                value = typed;
                return CheckRange(node, key, path, (long)typed!, context);
            case SpecValueKind.Float when type is ScalarType.Int or ScalarType.Float:
                var number = Convert.ToDouble(typed, CultureInfo.InvariantCulture);
                if (!double.IsFinite(number))
                {
                    context.Error(node, path, $"expected a finite number, got {text}");
                    return false;
                }

                value = number;
                return CheckRange(node, key, path, number, context);
            case SpecValueKind.Bool when type == ScalarType.Bool:
                value = typed;
                return true;
            case SpecValueKind.String when type != ScalarType.Null:
                value = text;
                return CheckPattern(node, key, path, text, context);
            case SpecValueKind.Enum when type != ScalarType.Null:
                if (key.Allowed.Contains(text, StringComparer.Ordinal))
                {
                    value = text;
                    return true;
                }

                context.Error(node, path,
                    $"must be one of {string.Join(", ", key.Allowed)}; got {ScalarValue.Describe(node)}{NameSuggester.DidYouMean(text, key.Allowed)}");
                return false;
            default:
                context.Error(node, path, $"expected {Expected(key)}, got {ScalarValue.Describe(node)}");
                return false;
        }
    }

    private static bool CheckRange(YamlNode node, SpecKey key, string path, double number, SpecReadContext context)
    {
        if (NumberRange.Contains(number, key.Min, key.Max, key.MinExclusive, key.MaxExclusive))
        {
            return true;
        }

        context.Error(node, path, $"must be {RangeText(key)}, got {Number(number)}");
        return false;
    }

    private static bool CheckPattern(YamlNode node, SpecKey key, string path, string text, SpecReadContext context)
    {
        if (key.Pattern is null || Regex.IsMatch(text, key.Pattern, RegexOptions.CultureInvariant))
        {
            return true;
        }

        context.Error(node, path, $"'{text}' is not a valid name: use {key.PatternHint ?? $"text matching {key.Pattern}"}");
        return false;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
