using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>What a YAML scalar means, by the YAML 1.2 core schema (so <c>yes</c> stays a string).</summary>
internal enum ScalarType
{
    Null,
    Bool,
    Int,
    Float,
    String,
}

/// <summary>Types YAML scalars: plain scalars by the core schema, quoted or <c>!!str</c> ones always as strings.</summary>
internal static partial class ScalarValue
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static (ScalarType Type, object? Value) Classify(YamlScalarNode node)
    {
        var text = node.Value ?? "";
        var isString = node.Style is not ScalarStyle.Plain and not ScalarStyle.Any || node.Tag.ToString() == StringTag;
        return isString ? (ScalarType.String, text) : ClassifyPlain(text);
    }

    /// <summary>The meaning <paramref name="text"/> would have as a plain (unquoted) scalar.</summary>
    public static (ScalarType Type, object? Value) ClassifyPlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return (ScalarType.Null, null);
            case "true" or "True" or "TRUE":
                return (ScalarType.Bool, true);
            case "false" or "False" or "FALSE":
                return (ScalarType.Bool, false);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return (ScalarType.Float, double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return (ScalarType.Float, double.NegativeInfinity);
            case ".nan" or ".NaN" or ".NAN":
                return (ScalarType.Float, double.NaN);
        }

        if (IntPattern().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? (ScalarType.Int, (object)integer)
                : (ScalarType.Float, (object)double.Parse(text, CultureInfo.InvariantCulture));
        }

        return FloatPattern().IsMatch(text)
            ? (ScalarType.Float, (object)double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture))
            : (ScalarType.String, (object)text);
    }

    /// <summary>How a node is shown after "got" in messages: <c>'five'</c>, <c>5.5</c>, <c>a list</c>, ...</summary>
    public static string Describe(YamlNode node)
    {
        switch (node)
        {
            case YamlSequenceNode:
                return "a list";
            case YamlMappingNode:
                return "a mapping (key: value pairs)";
            case YamlScalarNode scalar:
                var (type, _) = Classify(scalar);
                var text = scalar.Value ?? "";
                if (type == ScalarType.Null)
                {
                    return "an empty value";
                }

                if (type != ScalarType.String)
                {
                    return text;
                }

                var plainType = ClassifyPlain(text).Type;
                return plainType is ScalarType.Int or ScalarType.Float or ScalarType.Bool
                    ? $"the quoted string '{text}' (remove the quotes)"
                    : $"'{text}'";
            default:
                return "an unsupported YAML node";
        }
    }

    /// <summary>A double formatted so that it reads back as the same double and looks like a number.</summary>
    public static string FormatDouble(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
