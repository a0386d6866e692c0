using System.Globalization;
using System.Text;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>One failing case: its index (rerun with MLPIPE_FUZZ_CASE), the problem, the command and the kept input folder.</summary>
internal sealed record FuzzFailure(int Index, string Problem, FuzzCase Case, string Folder);

/// <summary>The tally of a category: cases by exit code and every failure.</summary>
internal sealed record FuzzSummary(string Category, int Cases, IReadOnlyDictionary<int, int> ExitCodes, IReadOnlyList<FuzzFailure> Failures, TimeSpan Elapsed)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Category}: {Cases} case(s) in {Elapsed.TotalSeconds:F1} s, ");
        text.Append(string.Join(", ", ExitCodes.OrderBy(p => p.Key).Select(p => $"exit {p.Key}: {p.Value}")));
        text.Append(CultureInfo.InvariantCulture, $"; failures: {Failures.Count}");
        foreach (var group in Failures.GroupBy(f => FuzzVerdict.Signature(f.Problem)).Take(20))
        {
            var first = group.First();
            text.Append(CultureInfo.InvariantCulture, $"\n  {group.Count()} x {first.Problem}\n     case {first.Index}: {first.Case} (input kept in {first.Folder})");
        }

        return text.ToString();
    }

    /// <summary>Appends one tab-separated line to <c>MLPIPE_FUZZ_REPORT</c> when it is set (bench/fuzz/run.sh reads it).</summary>
    public void AppendToReport()
    {
        if (Environment.GetEnvironmentVariable("MLPIPE_FUZZ_REPORT") is not { Length: > 0 } path)
        {
            return;
        }

        var line = string.Join('\t',
            Category, Cases, ExitCodes.GetValueOrDefault(0), ExitCodes.GetValueOrDefault(2), Failures.Count,
            Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture), FuzzBudget.Seed,
            string.Join(" | ", Failures.GroupBy(f => FuzzVerdict.Signature(f.Problem)).Select(g => $"{g.Count()} x {g.Key}")));
        File.AppendAllText(path, line + "\n");
    }
}
