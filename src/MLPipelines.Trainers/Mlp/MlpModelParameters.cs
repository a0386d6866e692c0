using MLPipelines.Neural.Training;
using MLPipelines.Results;
using MLPipelines.Trainers.Mlp.Encoding;

namespace MLPipelines.Trainers.Mlp;

/// <summary>
/// What a fit produced besides the scoring transforms: the network's shape, the input encoding, the target scaling
/// and the learning curves. (<see cref="MlpModel"/>'s <c>Model</c>, in ML.NET's prediction-transformer terms.)
/// </summary>
public sealed class MlpModelParameters
{
    internal MlpModelParameters(TaskKind task, string architecture, long parameterCount, InputEncoding encoding,
        double targetMean, double targetScale, TrainingHistory history, MlpOptions options, int seed, int trainRows)
    {
        Task = task;
        Architecture = architecture;
        ParameterCount = parameterCount;
        Encoding = encoding;
        TargetMean = targetMean;
        TargetScale = targetScale;
        History = history;
        Options = options;
        Seed = seed;
        TrainingRows = trainRows;
    }

    /// <summary>Binary, multiclass or regression.</summary>
    public TaskKind Task { get; }

    /// <summary>One line per layer (kind, output shape, parameter count).</summary>
    public string Architecture { get; }

    /// <summary>Trainable scalars.</summary>
    public long ParameterCount { get; }

    /// <summary>How raw feature slots become the network's inputs (fitted on the training rows).</summary>
    public InputEncoding Encoding { get; }

    /// <summary>Regression: the network predicts <c>(y - TargetMean) / TargetScale</c>; the graph maps it back. 0 otherwise.</summary>
    public double TargetMean { get; }

    /// <summary>Regression: the standard deviation of the training targets (1 otherwise).</summary>
    public double TargetScale { get; }

    /// <summary>Per-epoch losses and metrics; <see cref="TrainingHistory.BestEpoch"/> is the epoch whose weights were kept.</summary>
    public TrainingHistory History { get; }

    /// <summary>The options of the fit (a copy).</summary>
    public MlpOptions Options { get; }

    /// <summary>The seed actually used.</summary>
    public int Seed { get; }

    /// <summary>Rows used (training + validation split).</summary>
    public int TrainingRows { get; }
}
