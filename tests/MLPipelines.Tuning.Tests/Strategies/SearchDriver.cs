using MLPipelines.Tuning.Strategies;

namespace MLPipelines.Tuning.Tests.Strategies;

/// <summary>
/// Drives a strategy as the runner does, with `slots` trials in flight that finish in a seeded
/// random order, scoring each request with `score`. Returns the requests in start order.
/// </summary>
internal static class SearchDriver
{
    public static List<TrialRequest> Run(ISearchStrategy strategy, Func<TrialRequest, double> score, int slots, int seed, int limit = 10_000)
    {
        var random = new Random(seed);
        var running = new List<TrialRequest>();
        var started = new List<TrialRequest>();
        while (started.Count < limit)
        {
            var step = running.Count < slots ? strategy.Next() : SearchStep.Wait;
            if (step.Kind == SearchStepKind.Start)
            {
                running.Add(step.Request!);
                started.Add(step.Request!);
                continue;
            }

            if (running.Count == 0)
            {
                Assert.Equal(SearchStepKind.Done, step.Kind);
                return started;
            }

            var finished = running[random.Next(running.Count)];
            running.Remove(finished);
            strategy.Report(finished, score(finished));
        }

        throw new InvalidOperationException("The search did not end.");
    }
}
