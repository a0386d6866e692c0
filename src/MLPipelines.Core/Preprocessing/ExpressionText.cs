using System.Globalization;
using System.Text;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// Literals for ML.NET's expression language (<c>mlContext.Transforms.Expression</c>), whose transformer is
/// built into ML.NET and therefore saves into, and loads from, a model zip without our assemblies.
/// </summary>
internal static class ExpressionText
{
    /// <summary>A quoted string literal with <c>\</c> and <c>"</c> escaped.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var ch in value)
        {
            if (ch is '"' or '\\')
            {
                sb.Append('\\');
            }

            if (char.IsControl(ch))
            {
                // A raw line break ends the literal ("Newline in constant"); values read from quoted CSV fields can hold one.
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:x4}");
                continue;
            }

            sb.Append(ch);
        }

        return sb.Append('"').ToString();
    }

    /// <summary>A float literal (round-trip precision), e.g. <c>1.5e-07f</c>.</summary>
    public static string Float(float value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant();
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.Ordinal))
        {
            text += ".0";
        }

        return text + "f";
    }
}
