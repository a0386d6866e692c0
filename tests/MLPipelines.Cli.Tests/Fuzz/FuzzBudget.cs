using System.Globalization;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// How many cases each fuzz category runs, and from which seed. <c>dotnet test</c> runs the small budget (seconds);
/// <c>MLPIPE_FUZZ_BUDGET=long</c> (bench/fuzz/run.sh) runs the large one, an integer N runs N times the small one.
/// <c>MLPIPE_FUZZ_SEED</c> changes the seed, <c>MLPIPE_FUZZ_CASE=I</c> reruns only case I of each category.
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

    /// <summary>Cases for a category: <paramref name="ci"/> by default, <paramref name="longRun"/> for the long budget.</summary>
    public static int Cases(int ci, int longRun) =>
        Budget == "ci" ? ci
        : Budget == "long" ? longRun
        : int.TryParse(Budget, NumberStyles.None, CultureInfo.InvariantCulture, out var times) ? ci * times
        : throw new InvalidOperationException($"MLPIPE_FUZZ_BUDGET={Budget}: expected ci, long or an integer");
}
