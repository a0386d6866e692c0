using Microsoft.ML;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers;

/// <summary>
/// A trainer reachable as <c>trainer: NAME</c> in pipeline YAML: its declaration (name, tasks, options; what the
/// spec is validated against) and the factory of its ML.NET estimator. Built-in ML.NET baselines and our own neural
/// trainers (<c>mlp</c>, <c>cnn</c>) register the same way, so the runner never names a trainer.
/// </summary>
/// <remarks>
/// Contract of the estimator returned by <see cref="CreateEstimator(TrainerContext, object)"/>: it reads the float vector column
/// <see cref="TrainerContext.FeatureColumn"/> and the label column <see cref="TrainerContext.LabelColumn"/>
/// (Binary: <see cref="bool"/>; Multiclass: key type with <see cref="TrainerContext.ClassCount"/> values;
/// Regression: <see cref="float"/>) and adds ML.NET's standard prediction columns:
/// Binary <c>Score</c>, <c>Probability</c>, <c>PredictedLabel</c>; Multiclass <c>Score</c> (vector) and
/// <c>PredictedLabel</c> (key); Regression <c>Score</c>.
/// </remarks>
/// <remarks>
/// Derive from <see cref="TrainerPlugin{TOptions}"/>: its options class declares every option once.
/// </remarks>
public interface ITrainerPlugin : ITrainerDeclaration
{
    /// <summary>The trainer's options object (its options class) holding <paramref name="values"/>, resolved YAML values; absent keys keep their defaults.</summary>
    object Bind(IReadOnlyDictionary<string, object?> values);

    /// <summary>
    /// True for a trainer that copies its training rows into its own store before training (XGBoost's DMatrix and
    /// the MLP's matrix in one pass, LightGBM's binned dataset in a few): the runner then puts no ML.NET cache after
    /// the preprocessing, which would only hold every row once more while the trainer holds its copy. Default false
    /// (trainers that read the rows pass after pass: SDCA, L-BFGS, FastTree).
    /// </summary>
    bool ReadsTrainingRowsOnce => false;

    /// <summary>Builds the estimator for one fit (one fold, or the final fit on all rows) from an options object made by <see cref="Bind"/>.</summary>
    IEstimator<ITransformer> CreateEstimator(TrainerContext context, object options);

    /// <summary>Builds the estimator for one fit from resolved YAML values.</summary>
    IEstimator<ITransformer> CreateEstimator(TrainerContext context, IReadOnlyDictionary<string, object?> values) =>
        CreateEstimator(context, Bind(values));
}
