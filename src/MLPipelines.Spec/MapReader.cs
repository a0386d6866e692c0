using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>How unknown keys of one mapping are reported.</summary>
/// <param name="Unknown">Start of the message, e.g. <c>unknown key</c> or <c>unknown option of trainer 'fasttree'</c>.</param>
/// <param name="ListIntro">Introduces the known names when nothing is close, e.g. <c>expected one of</c>.</param>
/// <param name="Elsewhere">For a key that is valid in another section: that section's name, e.g. folds -> evaluation.</param>
internal sealed record UnknownKeyWording(string Unknown, string ListIntro, Func<string, string?>? Elsewhere = null);

/// <summary>Reads a YAML mapping against a list of <see cref="SpecKey"/>s, recording errors and key locations.</summary>
internal static class MapReader
{
    /// <summary>
    /// Reads <paramref name="node"/> (null when the key was left out, which yields every default). Errors:
    /// not a mapping, unknown keys (with "did you mean"), bad values, missing required keys.
    /// </summary>
    public static KeyedValues Read(
        YamlNode? node,
        string path,
        SourceLocation location,
        IReadOnlyList<SpecKey> keys,
        UnknownKeyWording wording,
        SpecReadContext context,
        bool reportMissing = true)
    {
        var result = new KeyedValues(path, location);
        var byName = keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var keyNodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var mapping = node as YamlMappingNode;
        if (node is not null && mapping is null && !IsNull(node))
        {
            context.Error(node, path, $"expected a mapping (key: value pairs), got {ScalarValue.Describe(node)}");
            result.Invalid.Add("");
        }

        foreach (var (keyNode, valueNode) in mapping?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (keyNode is not YamlScalarNode { Value: { } name })
            {
                context.Error(keyNode, path, "a key must be a plain name");
                continue;
            }

            var keyPath = SpecReadContext.Child(path, name);
            if (!byName.TryGetValue(name, out var key))
            {
                context.Error(keyNode, keyPath, UnknownMessage(name, keys, wording));
                continue;
            }

            keyNodes[name] = keyNode;
            result.Written[name] = valueNode;
            var isStructured = key.Kind is SpecValueKind.Section or SpecValueKind.Steps or SpecValueKind.Models or SpecValueKind.ImageSet or SpecValueKind.Datasets or SpecValueKind.Tune or SpecValueKind.SearchSpace;
            context.Remember(keyPath, isStructured ? keyNode : valueNode);
        }

        foreach (var key in keys)
        {
            var keyPath = SpecReadContext.Child(path, key.Name);
            result.Written.TryGetValue(key.Name, out var valueNode);
            if (valueNode is null && key.Required && reportMissing && !result.Invalid.Contains(""))
            {
                context.Error(location, keyPath, $"required key '{key.Name}' is missing");
                result.Invalid.Add(key.Name);
            }

            switch (key.Kind)
            {
                case SpecValueKind.Section when key.Children.Count > 0:
                    var childLocation = valueNode is null ? location : context.At(keyNodes[key.Name]);
                    // A section that is missing altogether is reported once, not once per required key inside it.
                    var section = Read(valueNode, keyPath, childLocation, key.Children, wording, context, reportMissing: valueNode is not null);
                    result.Sections[key.Name] = section;
                    if (section.Invalid.Contains(""))
                    {
                        result.Invalid.Add(key.Name);
                    }

                    break;
                case SpecValueKind.Section or SpecValueKind.Steps or SpecValueKind.Models or SpecValueKind.ImageSet or SpecValueKind.Datasets or SpecValueKind.Tune or SpecValueKind.SearchSpace:
                    break;
                default:
                    if (valueNode is null)
                    {
                        result.Values[key.Name] = CopyDefault(key);
                    }
                    else if (ValueReader.TryRead(valueNode, key, keyPath, context, out var value))
                    {
                        result.Values[key.Name] = value;
                    }
                    else
                    {
                        result.Values[key.Name] = CopyDefault(key);
                        result.Invalid.Add(key.Name);
                    }

                    break;
            }
        }

        CheckConditions(result, keys, context);
        return result;
    }

    /// <summary>YAML <c>~</c>, <c>null</c> or nothing after the colon.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode scalar && ScalarValue.Classify(scalar).Type == ScalarType.Null;

    /// <summary>
    /// The default of <paramref name="key"/> as a fresh value of the resolved type (Int as <see cref="long"/>,
    /// Float as <see cref="double"/>, lists as new lists), whatever numeric type the descriptor used.
    /// </summary>
    public static object? CopyDefault(SpecKey key)
    {
        var value = key.Default;
        return (key.Kind, value) switch
        {
            (_, null) => null,
            (SpecValueKind.Int, _) => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            (SpecValueKind.Float, _) => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            (SpecValueKind.IntList, System.Collections.IEnumerable items) =>
                items.Cast<object>().Select(i => (object)Convert.ToInt64(i, CultureInfo.InvariantCulture)).ToList(),
            (SpecValueKind.FloatList, System.Collections.IEnumerable items) =>
                items.Cast<object>().Select(i => (object)Convert.ToDouble(i, CultureInfo.InvariantCulture)).ToList(),
            (SpecValueKind.StringList or SpecValueKind.EnumList, System.Collections.IEnumerable items) =>
                items.Cast<object>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? "").ToList(),
            _ => value,
        };
    }

    /// <summary>Keys written while their <see cref="SpecKey.OnlyWhenKey"/> sibling has another value.</summary>
    private static void CheckConditions(KeyedValues result, IReadOnlyList<SpecKey> keys, SpecReadContext context)
    {
        foreach (var key in keys.Where(k => k.OnlyWhenKey is not null && result.IsWritten(k.Name)))
        {
            var sibling = key.OnlyWhenKey!;
            if (!result.IsValid(sibling) || result.Values[sibling] is not string actual || key.OnlyWhenValues.Contains(actual))
            {
                continue;
            }

            ReportCondition(key, result.PathOf(key.Name), actual, result.IsWritten(sibling) ? "" : " by default", context);
        }
    }

    /// <summary>
    /// Records that <paramref name="key"/> was written while its <see cref="SpecKey.OnlyWhenKey"/> sibling is
    /// <paramref name="actual"/> (<paramref name="how"/> says why, e.g. <c> by default</c>).
    /// </summary>
    public static void ReportCondition(SpecKey key, string path, string actual, string how, SpecReadContext context)
    {
        var sibling = key.OnlyWhenKey!;
        var needed = string.Join(" or ", key.OnlyWhenValues);
        context.Error(context.LocationOf(path), path,
            $"applies only to {sibling}: {needed} ({sibling} is {actual}{how}); remove it or set {sibling}: {key.OnlyWhenValues[0]}");
    }

    private static string UnknownMessage(string name, IReadOnlyList<SpecKey> keys, UnknownKeyWording wording)
    {
        var names = keys.Select(k => k.Name).ToList();
        if (wording.Elsewhere?.Invoke(name) is { } section)
        {
            return section.Length == 0
                ? $"{wording.Unknown}; '{name}' belongs at the top level"
                : $"{wording.Unknown}; '{name}' belongs under '{section}'";
        }

        if (NameSuggester.Suggest(name, names) is { } suggestion)
        {
            return $"{wording.Unknown}; did you mean '{suggestion}'?";
        }

        return names.Count == 0 ? $"{wording.Unknown}; there are none" : $"{wording.Unknown}; {wording.ListIntro}: {string.Join(", ", names)}";
    }
}
