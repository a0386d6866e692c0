namespace MLPipelines.Neural.Losses;

/// <summary>
/// A loss over a batch of network outputs (<c>rows x cols</c>, row-major) and targets. <see cref="Evaluate"/>
/// returns the batch loss (a weighted mean over rows) and, when a gradient span is given, writes
/// dLoss/dOutput of that same mean into it.
/// </summary>
public abstract class Loss
{
    /// <summary>Floats of target per row for a network with <paramref name="outputWidth"/> outputs.</summary>
    public virtual int TargetWidth(int outputWidth) => outputWidth;

    /// <summary>Computes the batch loss and optionally its gradient (pass an empty span to skip it).</summary>
    public abstract double Evaluate(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols, Span<float> gradient);

    /// <summary>Throws unless the buffers match the declared sizes.</summary>
    protected void CheckSizes(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols, Span<float> gradient)
    {
        if (outputs.Length < rows * cols)
        {
            throw new ArgumentException($"{GetType().Name}: expected {rows} x {cols} outputs, got {outputs.Length} values.", nameof(outputs));
        }

        var tw = TargetWidth(cols);
        if (targets.Length < rows * tw)
        {
            throw new ArgumentException($"{GetType().Name}: expected {rows} x {tw} targets, got {targets.Length} values.", nameof(targets));
        }

        if (!gradient.IsEmpty && gradient.Length < rows * cols)
        {
            throw new ArgumentException($"{GetType().Name}: gradient buffer holds {gradient.Length} values, needs {rows * cols}.", nameof(gradient));
        }
    }
}
