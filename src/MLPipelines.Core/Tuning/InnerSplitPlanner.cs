using MLPipelines.Core.Evaluation;
using MLPipelines.Data;
using MLPipelines.Results;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// The inner splits of one outer training set: k-fold (a bag: every outer training row is validated once) or a
/// holdout, stratified like the outer splits (by class, or by label decile for regression). Row indices are the
/// dataset's, all drawn from the outer training rows, so no outer test row can reach an inner fit.
/// </summary>
internal static class InnerSplitPlanner
{
    public static IReadOnlyList<FoldSplit> Plan(int[] outerTrain, LabelInfo label, TuningSettings settings, bool stratify, int seed)
    {
        ArgumentNullException.ThrowIfNull(outerTrain);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(settings);
        int[]? strata = null;
        if (stratify)
        {
            strata = label.Task == TaskKind.Regression
                ? FoldPlanner.QuantileStrata([.. outerTrain.Select(r => label.Values[r])], 10)
                : [.. outerTrain.Select(r => label.ClassIndex[r])];
        }

        var local = settings.InnerFolds is { } folds
            ? FoldPlanner.KFold(outerTrain.Length, folds, 1, seed, strata)
            : FoldPlanner.Holdout(outerTrain.Length, settings.InnerTestFraction, 1, seed, strata);
        return [.. local.Select(s => new FoldSplit(0, s.Fold, [.. s.Train.Select(i => outerTrain[i])], [.. s.Test.Select(i => outerTrain[i])]))];
    }
}
