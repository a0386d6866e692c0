using System.Globalization;
using System.Text;
using MLPipelines.Spec;

namespace MLPipelines.Trainers.Cnn.Building;

/// <summary>
/// Reads the <c>layers</c> option: items separated by spaces or commas, each a name with optional numeric arguments
/// in parentheses, e.g. <c>conv(32) bn relu maxpool(2) conv(64, 5) bn relu maxpool(2) flatten dense(128) relu dropout(0.3)</c>.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>conv(filters[, kernel = 3[, stride = 1[, padding = kernel / 2]]])</c></term><description>2-D convolution
///   (bias only when no <c>bn</c> follows: the norm's shift replaces it).</description></item>
/// <item><term><c>bn</c> (<c>batchnorm</c>)</term><description>batch norm per channel (images) or per feature (after flatten).</description></item>
/// <item><term><c>relu</c>, <c>leaky_relu([slope = 0.01])</c>, <c>gelu</c>, <c>silu</c>, <c>tanh</c>, <c>sigmoid</c></term><description>activations.</description></item>
/// <item><term><c>maxpool([size = 2[, stride = size]])</c>, <c>avgpool(...)</c></term><description>pooling.</description></item>
/// <item><term><c>gap</c> (<c>global_avg_pool</c>)</term><description>mean of each channel: <c>[C, H, W]</c> -&gt; <c>[C]</c>.</description></item>
/// <item><term><c>flatten</c></term><description><c>[C, H, W]</c> -&gt; <c>[C H W]</c> (added by itself before the first <c>dense</c>).</description></item>
/// <item><term><c>dense(units)</c>, <c>dropout(rate)</c></term><description>fully connected layer, dropout.</description></item>
/// </list>
/// The output layer <c>dense(classes)</c> is always appended.
/// </remarks>
internal static class CnnLayerParser
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["conv"] = "conv", ["conv2d"] = "conv", ["bn"] = "bn", ["batchnorm"] = "bn", ["relu"] = "relu",
        ["leaky_relu"] = "leaky_relu", ["gelu"] = "gelu", ["silu"] = "silu", ["tanh"] = "tanh", ["sigmoid"] = "sigmoid",
        ["maxpool"] = "maxpool", ["avgpool"] = "avgpool", ["gap"] = "gap", ["global_avg_pool"] = "gap",
        ["flatten"] = "flatten", ["dense"] = "dense", ["dropout"] = "dropout",
    };

    /// <summary>Every accepted layer name (with aliases).</summary>
    public static IReadOnlyList<string> Names => [.. Aliases.Keys];

    /// <summary>
    /// The layers of <paramref name="text"/>, or the problems found (each names the item, e.g.
    /// <c>item 3 'conv(0)': filters must be in [1, 4096]</c>). Also checks the order: no convolution or pooling after
    /// the image has been flattened.
    /// </summary>
    public static (IReadOnlyList<CnnLayerSpec> Layers, IReadOnlyList<string> Errors) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var layers = new List<CnnLayerSpec>();
        var errors = new List<string>();
        var items = Split(text, errors);
        for (var i = 0; i < items.Count; i++)
        {
            var spec = ParseItem(items[i], i + 1, errors);
            if (spec is not null)
            {
                layers.Add(spec);
            }
        }

        if (items.Count == 0 && errors.Count == 0)
        {
            errors.Add("is empty; write layers like \"conv(32) bn relu maxpool(2) flatten dense(128) relu\", or remove it to use the architecture preset");
        }

        if (errors.Count == 0)
        {
            CheckOrder(layers, errors);
        }

        return (layers, errors);
    }

    /// <summary>Items at parenthesis depth 0, split on spaces and commas.</summary>
    private static List<string> Split(string text, List<string> errors)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (depth == 0 && (char.IsWhiteSpace(c) || c == ','))
            {
                Flush();
                continue;
            }

            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth is < 0 or > 1)
            {
                errors.Add($"unbalanced or nested parentheses near '{current}{c}'");
                return items;
            }

            current.Append(c);
            if (depth == 0 && c == ')')
            {
                Flush();
            }
        }

        if (depth != 0)
        {
            errors.Add($"'{current}' is missing a ')'");
            return items;
        }

        Flush();
        return items;

        void Flush()
        {
            if (current.Length > 0)
            {
                items.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static CnnLayerSpec? ParseItem(string item, int index, List<string> errors)
    {
        var open = item.IndexOf('(', StringComparison.Ordinal);
        var name = (open < 0 ? item : item[..open]).Trim().ToLowerInvariant();
        var where = $"item {index} '{item}'";
        if (!Aliases.TryGetValue(name, out var canonical))
        {
            errors.Add($"{where}: unknown layer '{name}'{NameSuggester.DidYouMean(name, Aliases.Keys)}; layers: {string.Join(", ", Aliases.Keys)}");
            return null;
        }

        var args = new List<double>();
        if (open >= 0)
        {
            var inside = item[(open + 1)..^1];
            foreach (var part in inside.Split(',', StringSplitOptions.TrimEntries))
            {
                if (part.Length == 0 && inside.Trim().Length == 0)
                {
                    break;
                }

                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    errors.Add($"{where}: '{part}' is not a number");
                    return null;
                }

                args.Add(value);
            }
        }

        var spec = new CnnLayerSpec(canonical, args, item, index);
        var problem = CheckArguments(spec);
        if (problem is not null)
        {
            errors.Add($"{where}: {problem}");
            return null;
        }

        return spec;
    }

    /// <summary>The problem with the arguments of <paramref name="s"/>, or null.</summary>
    private static string? CheckArguments(CnnLayerSpec s)
    {
        var a = s.Arguments;
        switch (s.Name)
        {
            case "conv":
                if (a.Count is < 1 or > 4)
                {
                    return "expects conv(filters[, kernel[, stride[, padding]]]), e.g. conv(32) or conv(64, 5)";
                }

                var kernel = s.Argument(1, 3);
                return Integer(a[0], "filters", 1, 4096)
                    ?? Integer(kernel, "kernel", 1, 15)
                    ?? Integer(s.Argument(2, 1), "stride", 1, 8)
                    ?? Integer(s.Argument(3, Math.Floor(kernel / 2)), "padding", 0, kernel);
            case "maxpool" or "avgpool":
                if (a.Count > 2)
                {
                    return $"expects {s.Name}([size[, stride]]), e.g. {s.Name}(2)";
                }

                return Integer(s.Argument(0, 2), "size", 1, 16) ?? Integer(s.Argument(1, s.Argument(0, 2)), "stride", 1, 16);
            case "dense":
                return a.Count != 1 ? "expects dense(units), e.g. dense(128)" : Integer(a[0], "units", 1, 65_536);
            case "dropout":
                return a.Count != 1 ? "expects dropout(rate), e.g. dropout(0.3)"
                    : a[0] is >= 0 and < 1 ? null : $"rate must be in [0, 1), got {Format(a[0])}";
            case "leaky_relu":
                return a.Count > 1 ? "expects leaky_relu([slope]), e.g. leaky_relu(0.1)"
                    : s.Argument(0, 0.01) is > 0 and < 1 ? null : $"slope must be in (0, 1), got {Format(a[0])}";
            default:
                return a.Count == 0 ? null : $"takes no arguments (write '{s.Name}')";
        }
    }

    /// <summary>Convolutions and pooling need <c>[C, H, W]</c>: none may follow <c>flatten</c>, <c>gap</c> or <c>dense</c>.</summary>
    private static void CheckOrder(IReadOnlyList<CnnLayerSpec> layers, List<string> errors)
    {
        CnnLayerSpec? flattenedBy = null;
        foreach (var layer in layers)
        {
            if (layer.Name is "flatten" or "gap" or "dense")
            {
                flattenedBy ??= layer;
            }
            else if (layer.Name is "conv" or "maxpool" or "avgpool" && flattenedBy is not null)
            {
                errors.Add($"item {layer.Index} '{layer.Text}': {layer.Name} needs images [C, H, W], but item {flattenedBy.Index} '{flattenedBy.Text}' already made each image a flat vector");
            }
        }
    }

    private static string? Integer(double value, string name, double min, double max) =>
        value == Math.Floor(value) && value >= min && value <= max ? null : $"{name} must be an integer in [{Format(min)}, {Format(max)}], got {Format(value)}";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
