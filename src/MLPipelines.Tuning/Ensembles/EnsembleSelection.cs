namespace MLPipelines.Tuning.Ensembles;

/// <summary>
/// Greedy ensemble selection with replacement (Caruana, Niculescu-Mizil, Crew and Ksikes 2004, "Ensemble
/// selection from libraries of models"): start empty; each round add the library model (possibly one already in)
/// whose inclusion gives the best score of the averaged predictions; after <c>size</c> rounds keep the ensemble of
/// the best round (the earliest on ties). Weights are the times each model was added over the rounds kept.
/// Scoring uses the library's out-of-fold predictions on the inner rows only, so the outer test rows never
/// influence the choice. Ties between candidates go to the lower index: pass the library best model first.
/// </summary>
public static class EnsembleSelection
{
    /// <summary>Selects an ensemble.</summary>
    /// <param name="library">Candidates' predictions for the same rows (same shape).</param>
    /// <param name="score">Scores averaged predictions against the rows' labels (e.g. the primary metric).</param>
    /// <param name="higherIsBetter">Direction of <paramref name="score"/>.</param>
    /// <param name="size">Rounds (ensemble size with repetitions), e.g. 25 as in TabArena and AutoGluon.</param>
    /// <exception cref="ArgumentException">An empty library or candidates of different shapes.</exception>
    public static EnsembleResult Select(IReadOnlyList<PredictionSet> library, Func<PredictionSet, double> score, bool higherIsBetter, int size)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (library.Count == 0)
        {
            throw new ArgumentException("Ensemble selection needs at least one candidate.", nameof(library));
        }

        var length = library[0].Values.Length;
        var width = library[0].Width;
        if (library.Any(c => c.Values.Length != length || c.Width != width))
        {
            throw new ArgumentException("Every candidate must predict the same rows with the same width.", nameof(library));
        }

        var sum = new double[length];
        var trial = new float[length];
        var candidate = new PredictionSet(trial, width);
        var counts = new int[library.Count];
        var chosen = new List<int>(size);
        var trajectory = new List<double>(size);
        for (var round = 0; round < size; round++)
        {
            var (best, bestScore) = BestAddition(library, score, higherIsBetter, sum, round, trial, candidate);
            if (best < 0)
            {
                break;
            }

            var values = library[best].Values;
            for (var i = 0; i < length; i++)
            {
                sum[i] += values[i];
            }

            counts[best]++;
            chosen.Add(best);
            trajectory.Add(bestScore);
        }

        return Result(library.Count, chosen, trajectory, higherIsBetter);
    }

    private static (int Index, double Score) BestAddition(
        IReadOnlyList<PredictionSet> library, Func<PredictionSet, double> score, bool higherIsBetter, double[] sum, int round, float[] trial, PredictionSet candidate)
    {
        var best = -1;
        var bestScore = double.NaN;
        var scale = 1.0 / (round + 1);
        for (var c = 0; c < library.Count; c++)
        {
            var values = library[c].Values;
            for (var i = 0; i < trial.Length; i++)
            {
                trial[i] = (float)((sum[i] + values[i]) * scale);
            }

            var s = score(candidate);
            if (double.IsNaN(s))
            {
                continue;
            }

            if (best < 0 || (higherIsBetter ? s > bestScore : s < bestScore))
            {
                best = c;
                bestScore = s;
            }
        }

        return (best, bestScore);
    }

    private static EnsembleResult Result(int librarySize, List<int> chosen, List<double> trajectory, bool higherIsBetter)
    {
        if (chosen.Count == 0)
        {
            throw new ArgumentException("Every candidate scored NaN; nothing to ensemble.", nameof(chosen));
        }

        // Keep the best prefix: later rounds may only add noise (Caruana et al. choose the best hill-climbing point).
        var keep = 0;
        for (var r = 1; r < trajectory.Count; r++)
        {
            if (higherIsBetter ? trajectory[r] > trajectory[keep] : trajectory[r] < trajectory[keep])
            {
                keep = r;
            }
        }

        var counts = new int[librarySize];
        foreach (var index in chosen.Take(keep + 1))
        {
            counts[index]++;
        }

        var members = Enumerable.Range(0, librarySize).Where(i => counts[i] > 0).OrderByDescending(i => counts[i]).ThenBy(i => i).ToList();
        return new EnsembleResult(members, [.. members.Select(i => counts[i] / (double)(keep + 1))], trajectory[keep], trajectory)
        {
            Rounds = keep + 1,
        };
    }
}
