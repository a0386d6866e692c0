namespace MLPipelines.Spec;

/// <summary>
/// One problem in a pipeline definition, printed as <c>file:line:col: key.path: message</c>
/// (e.g. <c>pipelines/x.yaml:7:3: evaluation.fold: unknown key; did you mean 'folds'?</c>).
/// </summary>
/// <param name="Location">Where in the file; null for problems outside the file (e.g. a command-line override).</param>
/// <param name="KeyPath">Key path such as <c>models[1].options.trees</c>; empty for YAML syntax errors and whole-file problems.</param>
/// <param name="Message">What is wrong, what was expected, and a "did you mean" where one fits.</param>
public sealed record SpecError(SourceLocation? Location, string KeyPath, string Message)
{
    /// <summary>Longest key path or message printed; longer ones (a pasted 100 KB value) are cut in the middle.</summary>
    public const int MaxPrintedLength = 2_000;

    /// <summary>One line: control characters from quoted spec values are escaped (<c>\n</c>), very long parts cut.</summary>
    public override string ToString()
    {
        var prefix = Location is { } location ? $"{location}: " : "";
        return KeyPath.Length == 0 ? $"{prefix}{OneLine(Message)}" : $"{prefix}{OneLine(KeyPath)}: {OneLine(Message)}";
    }

    private static string OneLine(string text)
    {
        if (text.Length > MaxPrintedLength)
        {
            text = string.Concat(text.AsSpan(0, MaxPrintedLength / 2), " ... ", text.AsSpan(text.Length - (MaxPrintedLength / 2)));
        }

        if (!text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            return text;
        }

        var line = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            line.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return line.ToString();
    }

    /// <summary>Orders errors by file position (line, then column); errors without a position come first.</summary>
    internal static int Compare(SpecError a, SpecError b)
    {
        var byFile = string.CompareOrdinal(a.Location?.File, b.Location?.File);
        if (byFile != 0)
        {
            return byFile;
        }

        var byLine = (a.Location?.Line ?? 0).CompareTo(b.Location?.Line ?? 0);
        if (byLine != 0)
        {
            return byLine;
        }

        var byColumn = (a.Location?.Column ?? 0).CompareTo(b.Location?.Column ?? 0);
        return byColumn != 0 ? byColumn : string.CompareOrdinal(a.KeyPath, b.KeyPath);
    }
}
