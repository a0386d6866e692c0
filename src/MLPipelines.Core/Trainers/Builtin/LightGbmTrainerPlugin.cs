using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: lightgbm</c>: gradient-boosted decision trees (LightGBM through ML.NET). Binary uses the logistic
/// objective (<c>Probability</c> = sigmoid of the raw score), multiclass the native softmax objective (one tree per
/// class and round), regression squared error. Missing values (NaN) are handled natively by LightGBM. Defaults are
/// LightGBM's own (100 rounds, learning rate 0.1, 31 leaves, 20 rows per leaf).
/// </summary>
internal sealed class LightGbmTrainerPlugin : BuiltinTrainerPlugin
{
    private static readonly OptionDescriptor[] Descriptors =
    [
        new("iterations", OptionKind.Int, 100L, "Boosting rounds (for multiclass, one tree per class per round).") { Min = 1, Max = 100_000 },
        new("learning_rate", OptionKind.Float, 0.1, "Shrinkage applied to each tree's output.") { Min = 0, MinExclusive = true, Max = 1 },
        new("num_leaves", OptionKind.Int, 31L, "Most leaves per tree (trees grow leaf-wise).") { Min = 2, Max = 131_072 },
        new("min_data_in_leaf", OptionKind.Int, 20L, "Fewest training rows in a leaf.") { Min = 1, Max = 1_000_000 },
        new("max_bin", OptionKind.Int, 255L, "Most histogram bins per feature.") { Min = 2, Max = 65_535 },
        new("feature_fraction", OptionKind.Float, 1.0, "Fraction of features sampled for each tree.") { Min = 0, MinExclusive = true, Max = 1 },
        new("bagging_fraction", OptionKind.Float, 1.0, "Fraction of rows sampled for each tree (bagging every round when below 1).") { Min = 0, MinExclusive = true, Max = 1 },
        new("l1", OptionKind.Float, 0.0, "L1 regularization of leaf values.") { Min = 0 },
        new("l2", OptionKind.Float, 0.0, "L2 regularization of leaf values.") { Min = 0 },
        new("min_gain_to_split", OptionKind.Float, 0.0, "Smallest loss reduction a split must bring.") { Min = 0 },
        ThreadsOption(null, "Worker threads; null = all cores."),
    ];

    public override string Name => "lightgbm";

    public override string Description => "Gradient-boosted trees (LightGBM): native multiclass, handles missing values.";

    public override string Family => "boosted_trees";

    public override IReadOnlyList<OptionDescriptor> Options => Descriptors;

    /// <inheritdoc />
    public override MLPipelines.Tuning.Search.SearchSpace DefaultSearchSpace => BuiltinSearchSpaces.LightGbm;

    /// <inheritdoc />
    public override string ResourceOption => "iterations";

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, BuiltinOptionReader options)
    {
        var s = Settings.Read(options);
        return Gated(context.MLContext.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = context.LabelColumn,
            FeatureColumnName = context.FeatureColumn,
            NumberOfIterations = s.Iterations,
            LearningRate = s.LearningRate,
            NumberOfLeaves = s.NumLeaves,
            MinimumExampleCountPerLeaf = s.MinDataInLeaf,
            MaximumBinCountPerFeature = s.MaxBin,
            Booster = s.Booster(),
            NumberOfThreads = s.Threads,
            Seed = context.Seed,
            Deterministic = true,
            Silent = true,
        }));
    }

    internal override IEstimator<ITransformer> CreateMulticlass(TrainerContext context, BuiltinOptionReader options)
    {
        var s = Settings.Read(options);
        return Gated(context.MLContext.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = context.LabelColumn,
            FeatureColumnName = context.FeatureColumn,
            UseSoftmax = true,
            NumberOfIterations = s.Iterations,
            LearningRate = s.LearningRate,
            NumberOfLeaves = s.NumLeaves,
            MinimumExampleCountPerLeaf = s.MinDataInLeaf,
            MaximumBinCountPerFeature = s.MaxBin,
            Booster = s.Booster(),
            NumberOfThreads = s.Threads,
            Seed = context.Seed,
            Deterministic = true,
            Silent = true,
        }));
    }

    internal override IEstimator<ITransformer> CreateRegression(TrainerContext context, BuiltinOptionReader options)
    {
        var s = Settings.Read(options);
        return Gated(context.MLContext.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = context.LabelColumn,
            FeatureColumnName = context.FeatureColumn,
            NumberOfIterations = s.Iterations,
            LearningRate = s.LearningRate,
            NumberOfLeaves = s.NumLeaves,
            MinimumExampleCountPerLeaf = s.MinDataInLeaf,
            MaximumBinCountPerFeature = s.MaxBin,
            Booster = s.Booster(),
            NumberOfThreads = s.Threads,
            Seed = context.Seed,
            Deterministic = true,
            Silent = true,
        }));
    }

    private static NativeFitGate Gated(IEstimator<ITransformer> estimator) => new(estimator, NativeFitGate.LightGbm);

    /// <summary>The option values once read; the three ML.NET option classes share no settable base.</summary>
    private sealed record Settings(
        int Iterations, double LearningRate, int NumLeaves, int MinDataInLeaf, int MaxBin,
        double FeatureFraction, double BaggingFraction, double L1, double L2, double MinGain, int? Threads)
    {
        public static Settings Read(BuiltinOptionReader o) => new(
            o.Int("iterations"), o.Float("learning_rate"), o.Int("num_leaves"), o.Int("min_data_in_leaf"), o.Int("max_bin"),
            o.Float("feature_fraction"), o.Float("bagging_fraction"), o.Float("l1"), o.Float("l2"),
            o.Float("min_gain_to_split"), o.NullableInt("threads"));

        public GradientBooster.Options Booster() => new()
        {
            FeatureFraction = FeatureFraction,
            SubsampleFraction = BaggingFraction,

            // LightGBM only bags when the frequency is positive; bag every round when a fraction is asked for.
            SubsampleFrequency = BaggingFraction < 1 ? 1 : 0,
            L1Regularization = L1,
            L2Regularization = L2,
            MinimumSplitGain = MinGain,
        };
    }
}
