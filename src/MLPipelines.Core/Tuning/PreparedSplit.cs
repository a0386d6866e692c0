using Microsoft.ML;
using MLPipelines.Core.Evaluation;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// One inner split with the model's preprocessing fitted on its training rows only and applied once to its
/// training rows, its validation rows and the outer test rows (kept in memory as <c>Label</c> + <c>Features</c>):
/// every trial reuses them, so features are prepared once per (split, preprocessing), not once per trial.
/// </summary>
internal sealed record PreparedSplit
{
    public required FoldSplit Inner { get; init; }

    public required IDataView Train { get; init; }

    public required IDataView Validation { get; init; }

    public required IDataView OuterTest { get; init; }

    /// <summary>The preprocessing normalizes the features (the trainer context says so).</summary>
    public required bool Normalized { get; init; }

    /// <summary>Image shape of the features (CNN), or null.</summary>
    public ImageShape? Image { get; init; }

    /// <summary>Seconds spent fitting and applying the preprocessing.</summary>
    public required double Seconds { get; init; }
}
