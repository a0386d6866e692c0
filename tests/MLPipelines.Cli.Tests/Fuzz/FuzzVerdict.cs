using System.Text.RegularExpressions;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// The property every input must hold: exit 0, or exit 2 with a message (for a spec, one that names
/// <c>file:line:col</c> or the file itself); never exit 1 or another code, a stack trace, a hang or runaway memory.
/// </summary>
internal static partial class FuzzVerdict
{
    /// <summary>Allocation per case beyond which memory counts as unbounded (the inputs are kilobytes).</summary>
    public const long MaxAllocatedBytes = 3L << 30;

    /// <summary>Null when the outcome holds the property, else what is wrong, in one line.</summary>
    public static string? Problem(FuzzCase fuzzCase, FuzzOutcome outcome)
    {
        if (outcome.TimedOut)
        {
            return $"hang: no exit after {outcome.Elapsed.TotalSeconds:F0} s";
        }

        var firstLine = outcome.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        if (outcome.ExitCode is not (ExitCodes.Ok or ExitCodes.BadInput))
        {
            return $"exit {outcome.ExitCode}: {firstLine}";
        }

        if (StackFrame().IsMatch(outcome.Output))
        {
            return $"stack trace printed: {firstLine}";
        }

        if (outcome.AllocatedBytes > MaxAllocatedBytes)
        {
            return $"allocated {outcome.AllocatedBytes >> 20} MiB";
        }

        if (outcome.ExitCode == ExitCodes.BadInput && firstLine.Length == 0)
        {
            return "exit 2 without a message";
        }

        if (outcome.ExitCode == ExitCodes.BadInput && fuzzCase.SpecFile is { } spec && !NamesSpec(outcome.Output, spec))
        {
            return $"spec error without {Path.GetFileName(spec)}:line:col: {firstLine}";
        }

        return null;
    }

    /// <summary>
    /// A spec problem names the spec at a position (<c>fz.yaml:3:7: ...</c>) or, for the file as a whole, the spec
    /// and what is wrong with the file; a data problem found while validating names the data file instead.
    /// </summary>
    private static bool NamesSpec(string output, string spec)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        return lines.Count > 0 && lines.All(line =>
            Regex.IsMatch(line, $@"^{Regex.Escape(spec)}:\d+:\d+: ")
            || (line.StartsWith(spec + ": ", StringComparison.Ordinal) && FileProblem().IsMatch(line))
            || (!line.StartsWith(spec, StringComparison.Ordinal) && OtherFile().IsMatch(line))
            || line.StartsWith("  ", StringComparison.Ordinal));
    }

    /// <summary>Groups failures: the first line with paths, numbers and quoted values blanked.</summary>
    public static string Signature(string problem) =>
        Numbers().Replace(Quoted().Replace(Paths().Replace(problem, "PATH"), "'V'"), "N");

    [GeneratedRegex(@"^\s+at \S+.*\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@": (file not found|is a directory|is [\d,]+ bytes|cannot be read)")]
    private static partial Regex FileProblem();

    // Data errors found while validating (header checks) name the data file or folder: "/x/iris.csv:1: ...".
    [GeneratedRegex(@"^/[^:]+(:\d+)*: ")]
    private static partial Regex OtherFile();

    [GeneratedRegex(@"/\S+")]
    private static partial Regex Paths();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
