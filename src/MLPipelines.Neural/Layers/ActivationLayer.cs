using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Base of element-wise activations <c>y = f(x)</c>: the output has the input's shape and backward is
/// <c>dx = dy * f'(x)</c>. Subclasses supply <see cref="Apply"/> and <see cref="Differentiate"/>.
/// </summary>
public abstract class ActivationLayer : Layer
{
    private Tensor? _output;
    private Tensor? _inputGradient;
    private Tensor? _input;

    /// <summary>True when the preceding Dense layer computes this activation in its GEMM epilogue; this layer then passes data through.</summary>
    public bool IsFused { get; internal set; }

    /// <summary>y = f(x), element-wise.</summary>
    public abstract void Apply(ReadOnlySpan<float> x, Span<float> y);

    /// <summary>dx = dy * f'(x), element-wise; <paramref name="y"/> holds f(x) for activations whose derivative uses it.</summary>
    public abstract void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx);

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random) => inputShape;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        if (IsFused)
        {
            return input;
        }

        _input = input;
        var y = Tensor.Ensure(ref _output, input.Batch, OutputShape);
        Apply(input.Span, y.Span);
        return y;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        if (!NeedsInputGradient)
        {
            return null;
        }

        if (IsFused)
        {
            return outputGradient;
        }

        var x = _input ?? throw new InvalidOperationException($"{Kind}.Backward called before Forward.");
        var dx = Tensor.Ensure(ref _inputGradient, x.Batch, InputShape);
        Differentiate(x.Span, _output!.Span, outputGradient.Span, dx.Span);
        return dx;
    }
}
