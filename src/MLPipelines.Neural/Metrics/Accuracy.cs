namespace MLPipelines.Neural.Metrics;

/// <summary>
/// Fraction of rows classified correctly. With several outputs the prediction is the argmax and the target a
/// class index; with one output (binary logit) the prediction is <c>z &gt; 0</c> and the target <c>t &gt;= 0.5</c>.
/// </summary>
public sealed class Accuracy : Metric
{
    private long _correct;
    private long _total;

    /// <inheritdoc />
    public override string Name => "accuracy";

    /// <inheritdoc />
    public override bool HigherIsBetter => true;

    /// <inheritdoc />
    public override void Reset() => (_correct, _total) = (0, 0);

    /// <inheritdoc />
    public override void Update(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols)
    {
        for (var i = 0; i < rows; i++)
        {
            bool ok;
            if (cols == 1)
            {
                ok = (outputs[i] > 0f) == (targets[i] >= 0.5f);
            }
            else
            {
                var row = outputs.Slice(i * cols, cols);
                var best = 0;
                for (var k = 1; k < cols; k++)
                {
                    if (row[k] > row[best])
                    {
                        best = k;
                    }
                }

                ok = best == (int)targets[i];
            }

            _correct += ok ? 1 : 0;
        }

        _total += rows;
    }

    /// <inheritdoc />
    public override double Result => _total == 0 ? double.NaN : (double)_correct / _total;
}
