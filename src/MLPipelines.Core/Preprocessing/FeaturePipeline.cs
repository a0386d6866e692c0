using Microsoft.ML;

namespace MLPipelines.Core.Preprocessing;

/// <summary>The preprocessing of one model: an unfitted estimator that turns raw columns into <c>Features</c>.</summary>
public sealed class FeaturePipeline
{
    internal FeaturePipeline(IEstimator<ITransformer> estimator, bool normalized, IReadOnlyList<string> steps, int numericWidth)
    {
        Estimator = estimator;
        Normalized = normalized;
        Steps = steps;
        NumericWidth = numericWidth;
    }

    /// <summary>Preprocessing estimator; fit it on training rows only (it is part of each fold's chain).</summary>
    public IEstimator<ITransformer> Estimator { get; }

    /// <summary>True when numeric features are normalized (tells linear and neural trainers not to do it again).</summary>
    public bool Normalized { get; }

    /// <summary>One line per step actually run, implicit ones marked, for results.json and reports.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>Numeric inputs (numbers, booleans) before one-hot columns are added.</summary>
    public int NumericWidth { get; }
}
