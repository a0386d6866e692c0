using System.Diagnostics;
using CsCheck;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// Generates cases with a CsCheck generator from a fixed seed (case i of a category always gets the same input),
/// runs each, checks <see cref="FuzzVerdict"/>, and tallies. Inputs of passing cases are deleted; failing ones are
/// kept for inspection and named in the summary.
/// </summary>
internal static class FuzzRunner
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "mlpipe-fuzz");

    /// <param name="prepare">Writes the input for a generated value into the given (empty) folder and returns the command.</param>
    /// <param name="inProcess">False runs a real <c>mlpipe</c> process per case.</param>
    public static FuzzSummary Run<T>(
        string category, Gen<T> gen, int cases, Func<T, string, FuzzCase> prepare, TimeSpan timeout, bool inProcess = true)
    {
        var stream = (uint)category.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        var exits = new SortedDictionary<int, int>();
        var failures = new List<FuzzFailure>();
        var clock = Stopwatch.StartNew();
        var ran = 0;
        for (var i = 0; i < cases; i++)
        {
            if (!FuzzBudget.Runs(i))
            {
                continue;
            }

            var value = gen.Generate(new PCG(stream, FuzzBudget.Seed + (ulong)i), null, out _);
            var folder = Path.Combine(Root, category, $"{i}-{Guid.NewGuid():N}"[..16]);
            Directory.CreateDirectory(folder);
            var fuzzCase = prepare(value, folder);
            var outcome = inProcess ? FuzzExecution.InProcess(fuzzCase.Args, timeout) : FuzzExecution.Process(fuzzCase.Args, timeout);
            ran++;
            exits[outcome.ExitCode] = exits.GetValueOrDefault(outcome.ExitCode) + 1;
            if (FuzzVerdict.Problem(fuzzCase, outcome) is { } problem)
            {
                failures.Add(new FuzzFailure(i, problem, fuzzCase, folder));
                File.WriteAllText(Path.Combine(folder, "fuzz-outcome.txt"), $"{fuzzCase}\nexit {outcome.ExitCode}\n{outcome.Output}");
            }
            else
            {
                TryDelete(folder);
            }
        }

        var summary = new FuzzSummary(category, ran, exits, failures, clock.Elapsed);
        summary.AppendToReport();
        return summary;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
