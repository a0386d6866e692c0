using MLPipelines.Core.Evaluation;
using MLPipelines.Results;

namespace MLPipelines.Core.Runs;

/// <summary>
/// The unit of work of a run, finished: one model evaluated on one split (fitted on its training rows, scored on its
/// test rows), as stored in a <see cref="UnitStore"/>: the split's result, its test-row predictions and its
/// permutation-importance changes, everything the reduction into the model's results entry needs from that split
/// except the fitted model (only the final model is saved).
/// </summary>
internal sealed record SplitUnit
{
    public required FoldResult Fold { get; init; }

    public required float[] Score { get; init; }

    public required float[] Probability { get; init; }

    public required bool[] PredictedPositive { get; init; }

    public required int[] PredictedClass { get; init; }

    public required float[][] ClassProbabilities { get; init; }

    public required float[] Prediction { get; init; }

    public double[][]? Importance { get; init; }

    public int ImportanceRows { get; init; }

    /// <summary>Unit name of split (<paramref name="repeat"/>, <paramref name="fold"/>) of model <paramref name="modelIndex"/>.</summary>
    public static string Name(int modelIndex, string model, int repeat, int fold) => ModelPrefix(modelIndex, model) + SplitName(repeat, fold);

    /// <summary>Name of split (<paramref name="repeat"/>, <paramref name="fold"/>) in every store of a run: <c>r0-f3</c> (the tuning trial store uses it too).</summary>
    public static string SplitName(int repeat, int fold) => $"r{repeat}-f{fold}";

    /// <summary>Prefix of every unit of a model.</summary>
    public static string ModelPrefix(int modelIndex, string model) => $"m{modelIndex}-{model}/";

    public static SplitUnit From(FoldResult fold, ScoredRows scored, double[][]? importance, int importanceRows) => new()
    {
        Fold = fold,
        Score = scored.Score,
        Probability = scored.Probability,
        PredictedPositive = scored.PredictedPositive,
        PredictedClass = scored.PredictedClass,
        ClassProbabilities = scored.ClassProbabilities,
        Prediction = scored.Prediction,
        Importance = importance,
        ImportanceRows = importanceRows,
    };

    public ScoredRows Scored(TaskKind task) =>
        ScoredRows.Restore(task, Score, Probability, PredictedPositive, PredictedClass, ClassProbabilities, Prediction);
}
