using System.Globalization;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// How many cases each fuzz category runs, and from which seed. <c>dotnet test</c> runs the small budget (seconds);
/// <c>MLPIPE_FUZZ_BUDGET=long</c> (bench/fuzz/run.sh) runs the large one, an integer N runs N times the small one.
/// <c>MLPIPE_FUZZ_SEED</c> changes the seed, <c>MLPIPE_FUZZ_CASE=I</c> reruns only case I of each category,
/// <c>MLPIPE_FUZZ_CASES=FIRST-LAST</c> runs a range of them.
/// </summary>
internal static class FuzzBudget
{
    private static readonly string Budget = Environment.GetEnvironmentVariable("MLPIPE_FUZZ_BUDGET") ?? "ci";

    /// <summary>True for the long run (it also writes the figures file).</summary>
    public static bool IsLong => Budget != "ci";

    public static ulong Seed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("MLPIPE_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : 20251202;

    public static int? OnlyCase { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("MLPIPE_FUZZ_CASE"), NumberStyles.None, CultureInfo.InvariantCulture, out var only) ? only : null;

    /// <summary>
    /// <c>MLPIPE_FUZZ_CASES=FIRST-LAST</c> runs only cases FIRST..LAST (inclusive) of each category, so a long budget
    /// can run in pieces on a shared machine; the pieces together run exactly the cases of one whole run.
    /// </summary>
    public static (int First, int Last)? CaseRange { get; } = ParseRange(Environment.GetEnvironmentVariable("MLPIPE_FUZZ_CASES"));

    /// <summary>True when case <paramref name="i"/> is one to run (MLPIPE_FUZZ_CASE and MLPIPE_FUZZ_CASES).</summary>
    public static bool Runs(int i) =>
        (OnlyCase is not { } only || only == i) && (CaseRange is not { } range || (i >= range.First && i <= range.Last));

    private static (int, int)? ParseRange(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last) && first <= last
            ? (first, last)
            : throw new InvalidOperationException($"MLPIPE_FUZZ_CASES={text}: expected FIRST-LAST, e.g. 0-199");
    }

    /// <summary>Cases for a category: <paramref name="ci"/> by default, <paramref name="longRun"/> for the long budget.</summary>
    public static int Cases(int ci, int longRun) =>
        Budget == "ci" ? ci
        : Budget == "long" ? longRun
        : int.TryParse(Budget, NumberStyles.None, CultureInfo.InvariantCulture, out var times) ? ci * times
        : throw new InvalidOperationException($"MLPIPE_FUZZ_BUDGET={Budget}: expected ci, long or an integer");
}
