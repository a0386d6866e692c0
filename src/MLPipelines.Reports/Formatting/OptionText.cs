using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace MLPipelines.Reports.Formatting;

/// <summary>Trainer option values as YAML-like text, whether they come from the runner (CLR values) or from results.json (JSON elements).</summary>
public static class OptionText
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        JsonElement e => e.GetRawText(),
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{Format(k)}: {Format(map[k])}")) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>"key: value, key: value" of a model's options.</summary>
    public static string Join(IReadOnlyDictionary<string, object?> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Join(", ", options.Select(kv => $"{kv.Key}: {Format(kv.Value)}"));
    }
}
