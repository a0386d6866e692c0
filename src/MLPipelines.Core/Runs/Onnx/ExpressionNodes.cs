using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML;

namespace MLPipelines.Core.Runs.Onnx;

/// <summary>
/// The ML.NET expressions our preprocessing writes before a trainer, as ONNX nodes (ML.NET's converter cannot export
/// expressions). Each form is recognised by its exact text, as <see cref="Preprocessing.TabularFeatures"/> and the
/// impute step write it:
/// <list type="bullet">
/// <item>text values replaced by a constant (<c>x =&gt; (x == "NA" || x == "?") ? "" : x</c>: missing tokens;
///   <c>x =&gt; x == "" ? "fill" : x</c>: categorical imputation): an <c>ai.onnx.ml</c> LabelEncoder maps the
///   matched values to 1 (others 0), <c>Cast</c> to bool, <c>Where</c> picks the constant or the value;</item>
/// <item>boolean text to 0/1 (<c>x =&gt; lower(x) == "yes" ? 1f : (lower(x) == "no" ? 0f : na(0f))</c>): a
///   LabelEncoder whose keys are every casing of the two tokens (ONNX has no lower-case op for a column), NaN otherwise;</item>
/// <item>missing indicators (<c>x =&gt; isna(x) ? 1f : 0f</c>): <c>IsNaN</c>, <c>Cast</c> to float.</item>
/// </list>
/// </summary>
internal static partial class ExpressionNodes
{
    /// <summary>The <c>ai.onnx.ml</c> opset whose LabelEncoder has <c>keys_strings</c>/<c>values_*</c> (version 2).</summary>
    public const int MlOpset = 2;

    /// <summary>More casings of a boolean token than this (2^12) are not enumerated: the step stays named.</summary>
    private const int MaxCasings = 4096;

    private const int FloatType = 1;
    private const int StringType = 8;
    private const int BoolType = 9;

    /// <summary>Each (output column, input column, expression text) of an ML.NET expression transformer.</summary>
    public static IEnumerable<(string Output, string[] Inputs, string Text)> Columns(ITransformer expression)
    {
        // ExpressionTransformer keeps its columns in a private array of ColumnInfo (ML.NET 5.0).
        var field = expression.GetType().GetField("_columns", BindingFlags.Instance | BindingFlags.NonPublic);
        if (field?.GetValue(expression) is not Array columns)
        {
            yield break;
        }

        foreach (var column in columns)
        {
            var type = column!.GetType();
            var output = type.GetField("OutputColumnName")?.GetValue(column) as string;
            var inputs = type.GetField("InputColumnNames")?.GetValue(column) as string[];
            var text = type.GetField("Expression")?.GetValue(column) as string;
            if (output is not null && inputs is not null && text is not null)
            {
                yield return (output, inputs, text);
            }
        }
    }

    /// <summary>True when every column of <paramref name="expression"/> has one of the forms this class writes.</summary>
    public static bool CanWrite(ITransformer expression)
    {
        var columns = Columns(expression).ToList();
        return columns.Count > 0 && columns.All(c => c.Inputs.Length == 1 && Parse(c.Text) is not null);
    }

    /// <summary>
    /// Adds the nodes computing <paramref name="text"/> from tensor <paramref name="input"/> into tensor
    /// <paramref name="output"/>; returns the output's element type (ONNX TensorProto.DataType).
    /// </summary>
    public static int Write(OnnxModelGraph graph, string text, string input, string output)
    {
        var form = Parse(text) ?? throw new InvalidOperationException($"expression '{text}' has no ONNX form here");
        graph.UseOpset("ai.onnx.ml", MlOpset);
        switch (form)
        {
            case Replace replace:
                graph.AddNode("LabelEncoder", [input], [output + "/matched"], "ai.onnx.ml",
                    Attribute.Strings("keys_strings", replace.Values), Attribute.Ints("values_int64s", [.. replace.Values.Select(_ => 1L)]),
                    Attribute.Int("default_int64", 0));
                graph.AddNode("Cast", [output + "/matched"], [output + "/is"], "", Attribute.Int("to", BoolType));
                graph.AddStringInitializer(output + "/with", replace.With);
                graph.AddNode("Where", [output + "/is", output + "/with", input], [output]);
                return StringType;
            case BooleanText boolean:
                var trueKeys = Casings(boolean.True)!;
                var falseKeys = Casings(boolean.False)!;
                graph.AddNode("LabelEncoder", [input], [output], "ai.onnx.ml",
                    Attribute.Strings("keys_strings", [.. trueKeys, .. falseKeys]),
                    Attribute.Floats("values_floats", [.. trueKeys.Select(_ => 1f), .. falseKeys.Select(_ => 0f)]),
                    Attribute.Float("default_float", float.NaN));
                return FloatType;
            default:
                graph.AddNode("IsNaN", [input], [output + "/isnan"]);
                graph.AddNode("Cast", [output + "/isnan"], [output], "", Attribute.Int("to", FloatType));
                return FloatType;
        }
    }

    private abstract record Form;

    private sealed record Replace(string[] Values, string With) : Form;

    private sealed record BooleanText(string True, string False) : Form;

    private sealed record Indicator : Form;

    private const string Literal = "\"((?:[^\"\\\\]|\\\\.)*)\"";

    [GeneratedRegex("^x => \\(((?:x == " + Literal + "(?: \\|\\| )?)+)\\) \\? \"\" : x$")]
    private static partial Regex TokensPattern();

    [GeneratedRegex("^x => x == \"\" \\? " + Literal + " : x$")]
    private static partial Regex FillPattern();

    [GeneratedRegex("^x => lower\\(x\\) == " + Literal + " \\? 1f : \\(lower\\(x\\) == " + Literal + " \\? 0f : na\\(0f\\)\\)$")]
    private static partial Regex BooleanPattern();

    [GeneratedRegex(Literal)]
    private static partial Regex LiteralPattern();

    private static Form? Parse(string text)
    {
        if (text == "x => isna(x) ? 1f : 0f")
        {
            return new Indicator();
        }

        if (FillPattern().Match(text) is { Success: true } fill)
        {
            return new Replace([""], Unquote(fill.Groups[1].Value));
        }

        if (TokensPattern().Match(text) is { Success: true } tokens)
        {
            return new Replace([.. LiteralPattern().Matches(tokens.Groups[1].Value).Select(m => Unquote(m.Groups[1].Value))], "");
        }

        if (BooleanPattern().Match(text) is { Success: true } boolean)
        {
            var (t, f) = (Unquote(boolean.Groups[1].Value), Unquote(boolean.Groups[2].Value));
            return Casings(t) is not null && Casings(f) is not null ? new BooleanText(t, f) : null;
        }

        return null;
    }

    /// <summary>The inverse of <see cref="Preprocessing.ExpressionText.Quote"/>: <c>\"</c>, <c>\\</c>, <c>\uXXXX</c>.</summary>
    private static string Unquote(string body)
    {
        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 == body.Length)
            {
                sb.Append(body[i]);
            }
            else if (body[i + 1] == 'u' && i + 5 < body.Length)
            {
                sb.Append((char)int.Parse(body.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else
            {
                sb.Append(body[++i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Every text whose per-character <c>char.ToLowerInvariant</c> (ML.NET's <c>lower</c>) is <paramref name="lowered"/>,
    /// or null when there are more than <see cref="MaxCasings"/>.
    /// </summary>
    private static List<string>? Casings(string lowered)
    {
        var texts = new List<string> { "" };
        foreach (var c in lowered)
        {
            var sources = Uppers.Value.TryGetValue(c, out var list) ? list : [];
            if ((long)texts.Count * sources.Count > MaxCasings)
            {
                return null;
            }

            texts = [.. texts.SelectMany(t => sources.Select(s => t + s))];
        }

        return texts;
    }

    /// <summary>For each lower-case character, every character that lowers to it (itself included).</summary>
    private static readonly Lazy<Dictionary<char, List<char>>> Uppers = new(() =>
    {
        var map = new Dictionary<char, List<char>>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var lower = char.ToLowerInvariant(c);
            if (!map.TryGetValue(lower, out var list))
            {
                map[lower] = list = [];
            }

            list.Add(c);
        }

        return map;
    });

    /// <summary>Encoded AttributeProtos (name = 1, f = 2, i = 3, floats = 7, ints = 8, strings = 9, type = 20).</summary>
    private static class Attribute
    {
        public static ProtoMessage Int(string name, long value) => new ProtoMessage().Add(1, name).AddVarint(3, value).AddVarint(20, 2);

        public static ProtoMessage Float(string name, float value) => new ProtoMessage().Add(1, name).AddFixed32(2, value).AddVarint(20, 1);

        public static ProtoMessage Ints(string name, long[] values)
        {
            var message = new ProtoMessage().Add(1, name);
            foreach (var v in values)
            {
                message.AddVarint(8, v);
            }

            return message.AddVarint(20, 7);
        }

        public static ProtoMessage Floats(string name, float[] values)
        {
            var message = new ProtoMessage().Add(1, name);
            foreach (var v in values)
            {
                message.AddFixed32(7, v);
            }

            return message.AddVarint(20, 6);
        }

        public static ProtoMessage Strings(string name, string[] values)
        {
            var message = new ProtoMessage().Add(1, name);
            foreach (var v in values)
            {
                message.Add(9, v);
            }

            return message.AddVarint(20, 8);
        }
    }
}
