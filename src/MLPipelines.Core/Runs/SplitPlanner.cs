using MLPipelines.Core.Evaluation;
using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>Plans a run's splits once from <c>evaluation:</c>; every model uses them (paired results).</summary>
internal static class SplitPlanner
{
    /// <summary>
    /// k-fold or holdout over every row (stratified by class, or by label decile for regression, when
    /// <c>stratify</c> is on), or for <c>test_set</c> the one split the data defines.
    /// </summary>
    /// <exception cref="DataFileException">Fewer rows than folds (keyed to the evaluation key, see <see cref="DataFileException.ForKey"/>).</exception>
    public static IReadOnlyList<FoldSplit> Plan(PipelineSpec spec, IEvaluationData data, (int[] Train, int[] Test)? testSet)
    {
        var evaluation = spec.Evaluation;
        if (evaluation.Method == EvaluationMethod.TestSet)
        {
            var (train, test) = testSet ?? throw new InvalidOperationException("evaluation.method is test_set but the data has no test set.");
            return [new FoldSplit(0, 0, train, test)];
        }

        int[]? strata = null;
        if (evaluation.Stratify == true)
        {
            strata = data.Label.Task == TaskKind.Regression
                ? FoldPlanner.QuantileStrata(data.Label.Values, 10)
                : data.Label.ClassIndex;
        }

        if (evaluation.Method == EvaluationMethod.Holdout)
        {
            try
            {
                return FoldPlanner.Holdout(data.RowCount, evaluation.TestFraction, evaluation.Repeats, evaluation.Seed, strata);
            }
            catch (ArgumentException e)
            {
                // Too few rows (or rows per class) to hold any out: the data's fault, not the program's.
                throw DataFileException.ForKey("evaluation.test_fraction", $"{e.Message} Add rows or use kfold", e);
            }
        }

        if (data.RowCount < evaluation.Folds)
        {
            throw DataFileException.ForKey("evaluation.folds", $"{evaluation.Folds} folds need at least {evaluation.Folds} labelled rows, the data has {data.RowCount}");
        }

        return FoldPlanner.KFold(data.RowCount, evaluation.Folds, evaluation.Repeats, evaluation.Seed, strata);
    }
}
