namespace MLPipelines.Tuning.Trials;

/// <summary>
/// Best inner score so far against time spent (an anytime curve, as in AutoML benchmarks): one point per
/// finished trial in order of finishing, carrying the running best. A curve still rising at the end of the budget
/// says the family had not reached its plateau.
/// </summary>
public static class AnytimeCurve
{
    /// <summary>The curve of <paramref name="trials"/> (any order; failed trials count as trials but never as best).</summary>
    public static IReadOnlyList<AnytimePoint> Of(IEnumerable<TrialRecord> trials, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var points = new List<AnytimePoint>();
        var best = double.NaN;
        var bestTrial = -1;
        var count = 0;
        foreach (var trial in trials.OrderBy(t => t.FinishedAt).ThenBy(t => t.Trial))
        {
            count++;
            var score = trial.InnerScore;
            if (trial.Status == TrialStatus.Finished && !double.IsNaN(score)
                && (bestTrial < 0 || (higherIsBetter ? score > best : score < best)))
            {
                best = score;
                bestTrial = trial.Trial;
            }

            if (bestTrial >= 0)
            {
                points.Add(new AnytimePoint(trial.FinishedAt, count, best, bestTrial));
            }
        }

        return points;
    }

    /// <summary>
    /// The trial a search picks: best inner score, ties to the lower configuration index (so the defaults win a tie,
    /// whatever order parallel trials finished in), then the lower rung; null when
    /// every trial failed.
    /// </summary>
    public static TrialRecord? Best(IEnumerable<TrialRecord> trials, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(trials);
        TrialRecord? best = null;
        foreach (var trial in trials.Where(t => t.Status == TrialStatus.Finished && !double.IsNaN(t.InnerScore)).OrderBy(t => t.Config).ThenBy(t => t.Rung))
        {
            if (best is null || (higherIsBetter ? trial.InnerScore > best.InnerScore : trial.InnerScore < best.InnerScore))
            {
                best = trial;
            }
        }

        return best;
    }
}
