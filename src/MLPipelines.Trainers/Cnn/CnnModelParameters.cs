using MLPipelines.Neural.Training;

namespace MLPipelines.Trainers.Cnn;

/// <summary>
/// What a CNN fit produced besides the scoring transforms: the network's shape, the image shape and pixel
/// standardization, and the learning curves. (<see cref="CnnModel"/>'s <c>Model</c>, in ML.NET's prediction-transformer terms.)
/// </summary>
public sealed class CnnModelParameters
{
    internal CnnModelParameters(string architecture, long parameterCount, IReadOnlyList<int> imageShape, IReadOnlyList<float> pixelMean,
        IReadOnlyList<float> pixelStd, TrainingHistory history, CnnOptions options, int seed, int trainRows, int classCount)
    {
        Architecture = architecture;
        ParameterCount = parameterCount;
        ImageShape = imageShape;
        PixelMean = pixelMean;
        PixelStd = pixelStd;
        History = history;
        Options = options;
        Seed = seed;
        TrainingRows = trainRows;
        ClassCount = classCount;
    }

    /// <summary>One line per layer (kind, output shape, parameter count).</summary>
    public string Architecture { get; }

    /// <summary>Trainable scalars.</summary>
    public long ParameterCount { get; }

    /// <summary>The image shape <c>[C, H, W]</c> the network reads.</summary>
    public IReadOnlyList<int> ImageShape { get; }

    /// <summary>Per-channel pixel mean subtracted before the network (0 when <c>normalize</c> is off).</summary>
    public IReadOnlyList<float> PixelMean { get; }

    /// <summary>Per-channel pixel deviation divided out before the network (1 when <c>normalize</c> is off).</summary>
    public IReadOnlyList<float> PixelStd { get; }

    /// <summary>Per-epoch losses and accuracies; <see cref="TrainingHistory.BestEpoch"/> is the epoch whose weights were kept.</summary>
    public TrainingHistory History { get; }

    /// <summary>The options of the fit (a copy).</summary>
    public CnnOptions Options { get; }

    /// <summary>The seed actually used.</summary>
    public int Seed { get; }

    /// <summary>Images used (training + validation split).</summary>
    public int TrainingRows { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }
}
