using MLPipelines.Neural.Losses;

namespace MLPipelines.Neural.Metrics;

/// <summary>
/// A metric of the ensemble's prediction for networks whose output is <c>[k, width]</c> per row: the members are
/// combined by <see cref="EnsembleMean"/> (mean probability or mean value) and the result is measured by
/// <see cref="Inner"/> as the output of one network.
/// </summary>
public sealed class EnsembleMetric : Metric
{
    private float[] _combined = [];

    /// <summary>Wraps <paramref name="inner"/> for <paramref name="members"/> members combined by <paramref name="averaging"/>.</summary>
    public EnsembleMetric(Metric inner, int members, EnsembleAveraging averaging)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        Inner = inner;
        Members = members;
        Averaging = averaging;
    }

    /// <summary>The metric of one prediction.</summary>
    public Metric Inner { get; }

    /// <summary>Number of members k.</summary>
    public int Members { get; }

    /// <summary>How members are combined.</summary>
    public EnsembleAveraging Averaging { get; }

    /// <inheritdoc />
    public override string Name => Inner.Name;

    /// <inheritdoc />
    public override bool HigherIsBetter => Inner.HigherIsBetter;

    /// <inheritdoc />
    public override double Result => Inner.Result;

    /// <inheritdoc />
    public override void Reset() => Inner.Reset();

    /// <inheritdoc />
    public override void Update(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols)
    {
        if (cols % Members != 0)
        {
            throw new ArgumentException($"{cols} outputs per row is not a multiple of the {Members} ensemble members.", nameof(cols));
        }

        var width = cols / Members;
        if (_combined.Length < rows * width)
        {
            _combined = new float[rows * width];
        }

        EnsembleMean.Combine(outputs, rows, Members, width, Averaging, _combined);
        Inner.Update(_combined, targets, rows, width);
    }
}
