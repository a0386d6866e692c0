using System.Text;
using System.Text.RegularExpressions;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// Mutates text at the character, token, line and structure level: delete/insert/replace characters, replace or drop
/// tokens, duplicate/drop/swap lines, replace a <c>key: value</c>'s value with one of another type or a big one,
/// change indentation, add a BOM, NUL bytes or other line endings. <paramref name="scalars"/> and
/// <paramref name="lines"/> are the payloads of the format (YAML, CSV, JSON).
/// </summary>
internal sealed partial class TextMutator(IReadOnlyList<string> scalars, IReadOnlyList<string> lines)
{
    public string Apply(string text, IEnumerable<Gene> genes) => genes.Aggregate(text, Apply);

    private string Apply(string text, Gene g)
    {
        var at = g.Position(text.Length);
        switch (g.Op % 13)
        {
            case 0:
                return text.Remove(at, Math.Min(1 + (g.Pick % 8), text.Length - at));
            case 1:
                return text.Insert(at, g.Of(FuzzValues.Chars));
            case 2:
                return at < text.Length ? text.Remove(at, 1).Insert(at, g.Of(FuzzValues.Chars)) : text + g.Of(FuzzValues.Chars);
            case 3:
                return ReplaceToken(text, g, g.Of(scalars));
            case 4:
                return ReplaceToken(text, g, "");
            case 5:
            case 6:
            case 7:
                return EditLines(text, g);
            case 8:
                return ReplaceValue(text, g, g.Pick % 10 == 0 ? FuzzValues.Big(g.Pick / 10) : g.Of(scalars));
            case 9:
                return Global(text, g);
            case 10:
                return InsertLine(text, g, g.Of(lines));
            case 11:
                return Indent(text, g);
            default:
                return ReplaceToken(text, g, g.Of(FuzzValues.Scalars));
        }
    }

    private static string ReplaceToken(string text, Gene g, string replacement)
    {
        var tokens = Token().Matches(text);
        if (tokens.Count == 0)
        {
            return text + replacement;
        }

        var token = tokens[g.At % tokens.Count];
        return string.Concat(text.AsSpan(0, token.Index), replacement, text.AsSpan(token.Index + token.Length));
    }

    private static string ReplaceValue(string text, Gene g, string value)
    {
        var values = Value().Matches(text);
        if (values.Count == 0)
        {
            return text;
        }

        var group = values[g.At % values.Count].Groups[1];
        return string.Concat(text.AsSpan(0, group.Index), value, text.AsSpan(group.Index + group.Length));
    }

    private static string EditLines(string text, Gene g)
    {
        var all = text.Split('\n').ToList();
        var i = g.At % all.Count;
        var j = g.Pick % all.Count;
        switch (g.Op % 3)
        {
            case 0:
                all.Insert(i, all[i]);
                break;
            case 1:
                all.RemoveAt(i);
                break;
            default:
                (all[i], all[j]) = (all[j], all[i]);
                break;
        }

        return string.Join('\n', all);
    }

    private static string InsertLine(string text, Gene g, string line)
    {
        var all = text.Split('\n').ToList();
        all.Insert(g.At % (all.Count + 1), line);
        return string.Join('\n', all);
    }

    private static string Indent(string text, Gene g)
    {
        var all = text.Split('\n');
        var i = g.At % all.Length;
        all[i] = (g.Pick % 4) switch
        {
            0 => "  " + all[i],
            1 => all[i].TrimStart(' '),
            2 => "\t" + all[i],
            _ => all[i].Length > 0 ? all[i][1..] : all[i],
        };
        return string.Join('\n', all);
    }

    private static string Global(string text, Gene g) => (g.Pick % 8) switch
    {
        0 => "\uFEFF" + text,
        1 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
        2 => text.Replace("\n", "\r", StringComparison.Ordinal),
        3 => text.Insert(g.Position(text.Length), "\0\0\0"),
        4 => text[..g.Position(text.Length)],
        5 => text + string.Concat(Enumerable.Repeat(text, 1 + (g.At % 3))),
        6 => text.ToUpperInvariant(),
        _ => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text)),
    };

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_.\-]*|-?\d+(\.\d+)?([eE][-+]?\d+)?|[{}\[\],:\-#""']")]
    private static partial Regex Token();

    [GeneratedRegex(@"[:,]\s*([^\s,{}\[\]][^,{}\[\]\n]*)")]
    private static partial Regex Value();
}
