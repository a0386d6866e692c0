using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Tuning.Ensembles;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// Breiman's one-standard-error rule (CART; glmnet's lambda.1se) applied to leaving the defaults: the best
/// configuration replaces the defaults only when its paired inner gain over them exceeds one standard error, and the
/// ensemble replaces the tuned variant only when its gain over it (and over the defaults) does too.
/// The gain is cross-fitted, because the best of many configurations (and, more so, a greedy ensemble) always looks
/// better on the rows that chose it, even on pure noise: for each inner fold, the configuration and the ensemble are
/// chosen on the other folds' out-of-fold rows and compared with the incumbent on this fold's rows. Differences are
/// per row for metrics with a per-row loss (<see cref="RowLosses"/>), else per fold of the metric itself.
/// </summary>
internal sealed class OneStandardErrorRule(InnerScorer scorer, LabelInfo label, bool higherIsBetter, int ensembleSize)
{
    /// <summary>The rule's verdicts: whether the tuned configuration and the ensemble are kept, and why.</summary>
    public sealed record Outcome(bool TunedAccepted, bool EnsembleAccepted, IReadOnlyList<SelectionDecision> Decisions);

    /// <summary>
    /// Decides on one outer split. <paramref name="library"/> holds the trials' out-of-fold predictions in the order the
    /// full search ranks them (best inner score first); <paramref name="groups"/> gives each validation position's
    /// inner fold; <paramref name="best"/> is the library index of the full search's best configuration.
    /// </summary>
    public Outcome Decide(IReadOnlyList<PredictionSet> library, int defaults, int best, string bestKey, int[] validationRows, int[] groups)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(groups);
        var (tuned, ensembled) = CrossFit(library, validationRows, groups);
        var decisions = new List<SelectionDecision>();
        var tunedGain = Paired(tuned, library[defaults], validationRows, groups);
        var tunedAccepted = best != defaults && Clears(tunedGain);
        decisions.Add(Decision(bestKey, "defaults", tunedGain, tunedAccepted));
        var ensembleGain = Paired(ensembled, library[defaults], validationRows, groups);
        var ensembleAccepted = Clears(ensembleGain);
        decisions.Add(Decision("ensemble", "defaults", ensembleGain, ensembleAccepted));
        if (tunedAccepted)
        {
            var overTuned = Paired(ensembled, tuned, validationRows, groups);
            decisions.Add(Decision("ensemble", "tuned", overTuned, Clears(overTuned)));
            ensembleAccepted &= Clears(overTuned);
        }

        return new Outcome(tunedAccepted, ensembleAccepted, decisions);
    }

    private static bool Clears((string Statistic, double Gain, double Error) gain) => gain.Gain > 0 && gain.Gain > gain.Error;

    private static SelectionDecision Decision(string candidate, string incumbent, (string Statistic, double Gain, double Error) gain, bool accepted) => new()
    {
        Candidate = candidate,
        Incumbent = incumbent,
        Statistic = gain.Statistic,
        Improvement = gain.Gain,
        StandardError = gain.Error,
        Accepted = accepted,
    };

    /// <summary>
    /// The search's choices made without each inner fold and applied to it: the best configuration's and the greedy
    /// ensemble's predictions of every validation position, each from a choice that never saw that position.
    /// </summary>
    private (PredictionSet Tuned, PredictionSet Ensembled) CrossFit(IReadOnlyList<PredictionSet> library, int[] validationRows, int[] groups)
    {
        var width = library[0].Width;
        var tuned = new float[library[0].Values.Length];
        var ensembled = new float[tuned.Length];
        foreach (var group in groups.Distinct().Order())
        {
            var choose = Positions(groups, g => g != group);
            var apply = Positions(groups, g => g == group);
            var rows = choose.Select(p => validationRows[p]).ToArray();
            var slices = library.Select(p => Slice(p, choose)).ToList();
            var best = -1;
            var bestScore = double.NaN;
            for (var c = 0; c < slices.Count; c++)
            {
                var s = scorer.Score(slices[c], rows);
                if (!double.IsNaN(s) && (best < 0 || (higherIsBetter ? s > bestScore : s < bestScore)))
                {
                    (best, bestScore) = (c, s);
                }
            }

            var ensemble = EnsembleSelection.Select(slices, p => scorer.Score(p, rows), higherIsBetter, ensembleSize);
            var blend = PredictionSet.Blend([.. ensemble.Members.Select(m => library[m])], ensemble.Weights);
            foreach (var p in apply)
            {
                Array.Copy(library[Math.Max(best, 0)].Values, p * width, tuned, p * width, width);
                Array.Copy(blend.Values, p * width, ensembled, p * width, width);
            }
        }

        return (new PredictionSet(tuned, width), new PredictionSet(ensembled, width));
    }

    /// <summary>Mean paired gain of <paramref name="candidate"/> over <paramref name="incumbent"/> and its standard error.</summary>
    private (string Statistic, double Gain, double Error) Paired(PredictionSet candidate, PredictionSet incumbent, int[] validationRows, int[] groups)
    {
        if (RowLosses.Statistic(scorer.Metric) is { } statistic)
        {
            var ours = RowLosses.Compute(scorer.Metric, label, candidate, validationRows);
            var theirs = RowLosses.Compute(scorer.Metric, label, incumbent, validationRows);
            var (gain, error) = MeanAndError([.. theirs.Select((t, i) => t - ours[i])]);
            return (statistic, gain, error);
        }

        var differences = new List<double>();
        foreach (var group in groups.Distinct().Order())
        {
            var positions = Positions(groups, g => g == group);
            var rows = positions.Select(p => validationRows[p]).ToArray();
            var difference = scorer.Score(Slice(candidate, positions), rows) - scorer.Score(Slice(incumbent, positions), rows);
            if (!double.IsNaN(difference))
            {
                differences.Add(higherIsBetter ? difference : -difference);
            }
        }

        var (mean, standardError) = MeanAndError(differences);
        return ($"per_fold:{scorer.Metric}", mean, standardError);
    }

    /// <summary>Mean and standard error (sample sd / sqrt(n)); the error is infinite below two differences, so nothing clears it.</summary>
    private static (double Mean, double Error) MeanAndError(List<double> differences)
    {
        if (differences.Count < 2)
        {
            return (differences.Count == 1 ? differences[0] : 0, double.PositiveInfinity);
        }

        var mean = differences.Average();
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1);
        return (mean, Math.Sqrt(variance / differences.Count));
    }

    private static int[] Positions(int[] groups, Func<int, bool> keep) => [.. Enumerable.Range(0, groups.Length).Where(p => keep(groups[p]))];

    private static PredictionSet Slice(PredictionSet predictions, int[] positions)
    {
        var width = predictions.Width;
        var values = new float[positions.Length * width];
        for (var i = 0; i < positions.Length; i++)
        {
            Array.Copy(predictions.Values, positions[i] * width, values, i * width, width);
        }

        return new PredictionSet(values, width);
    }
}
