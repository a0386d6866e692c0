using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Training;

/// <summary>
/// In-memory training data: <see cref="Rows"/> samples of <see cref="FeatureShape"/> in <see cref="Features"/>
/// (row-major) and <see cref="TargetWidth"/> floats of target per row in <see cref="Targets"/>
/// (a class index for softmax cross-entropy, values for regression / binary).
/// </summary>
public sealed class Dataset
{
    /// <summary>Wraps the arrays (no copy).</summary>
    public Dataset(float[] features, float[] targets, TensorShape featureShape, int targetWidth = 1)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(featureShape);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetWidth, 1);
        if (features.Length % featureShape.Size != 0)
        {
            throw new ArgumentException($"{features.Length} feature values are not a whole number of samples of shape {featureShape}.", nameof(features));
        }

        Rows = features.Length / featureShape.Size;
        if (targets.Length != Rows * targetWidth)
        {
            throw new ArgumentException($"Expected {Rows} x {targetWidth} = {Rows * targetWidth} targets for {Rows} samples, got {targets.Length}.", nameof(targets));
        }

        Features = features;
        Targets = targets;
        FeatureShape = featureShape;
        TargetWidth = targetWidth;
    }

    /// <summary>Wraps flat feature rows of <paramref name="featureCount"/> floats.</summary>
    public Dataset(float[] features, float[] targets, int featureCount, int targetWidth = 1)
        : this(features, targets, TensorShape.Vector(featureCount), targetWidth)
    {
    }

    /// <summary>Feature values, row-major.</summary>
    public float[] Features { get; }

    /// <summary>Target values, row-major.</summary>
    public float[] Targets { get; }

    /// <summary>Shape of one sample.</summary>
    public TensorShape FeatureShape { get; }

    /// <summary>Targets per row.</summary>
    public int TargetWidth { get; }

    /// <summary>Number of samples.</summary>
    public int Rows { get; }

    /// <summary>A new dataset holding the given rows, in that order (copied).</summary>
    public Dataset Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var fs = FeatureShape.Size;
        var f = new float[rows.Count * fs];
        var t = new float[rows.Count * TargetWidth];
        for (var i = 0; i < rows.Count; i++)
        {
            Features.AsSpan(rows[i] * fs, fs).CopyTo(f.AsSpan(i * fs));
            Targets.AsSpan(rows[i] * TargetWidth, TargetWidth).CopyTo(t.AsSpan(i * TargetWidth));
        }

        return new Dataset(f, t, FeatureShape, TargetWidth);
    }

    /// <summary>
    /// Randomly (seeded) splits off a share <paramref name="fraction"/> of the rows for validation. With
    /// <paramref name="stratify"/>, rows are grouped by their first target value (a class index) and each class
    /// contributes its share, so rare classes appear on both sides.
    /// </summary>
    public (Dataset Train, Dataset Validation) Split(double fraction, int seed, bool stratify = false)
    {
        var (train, validation) = SplitRows(fraction, seed, stratify);
        return (Subset(train), Subset(validation));
    }

    /// <summary>The rows <see cref="Split"/> puts on each side, in the order it puts them there, without copying them.</summary>
    public (int[] Train, int[] Validation) SplitRows(double fraction, int seed, bool stratify = false)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "Validation fraction must be in (0, 1).");
        }

        var random = new Random(seed);
        var train = new List<int>();
        var valid = new List<int>();
        var groups = stratify
            ? Enumerable.Range(0, Rows).GroupBy(r => Targets[r * TargetWidth]).OrderBy(g => g.Key).Select(g => g.ToArray())
            : [Enumerable.Range(0, Rows).ToArray()];
        foreach (var group in groups)
        {
            random.Shuffle(group);
            var take = (int)Math.Round(group.Length * fraction);
            valid.AddRange(group[..take]);
            train.AddRange(group[take..]);
        }

        if (valid.Count < 1 || train.Count < 1)
        {
            throw new ArgumentException($"A validation fraction of {fraction} of {Rows} rows leaves an empty train or validation set.", nameof(fraction));
        }

        // Keep a seeded random order (not grouped by class) on both sides.
        var trainRows = train.ToArray();
        var validRows = valid.ToArray();
        random.Shuffle(trainRows);
        random.Shuffle(validRows);
        return (trainRows, validRows);
    }
}
