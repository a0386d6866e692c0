using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Fully connected layer: <c>Y = X W + b</c> with X of shape [N, in], W of shape [in, out] (row-major) and b of [out].
/// </summary>
/// <remarks>
/// Backward: <c>dW = X^T dY</c>, <c>db = sum over rows of dY</c>, <c>dX = dY W^T</c>; the transposes are done by the
/// GEMM's transpose flags, never materialized.
/// </remarks>
public sealed class Dense : Layer
{
    private Parameter? _weight;
    private Parameter? _bias;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private Tensor? _input;

    /// <summary>Creates a dense layer with <paramref name="units"/> outputs.</summary>
    public Dense(int units, Initializer initializer = Initializer.HeNormal, bool useBias = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        Units = units;
        Initializer = initializer;
        UseBias = useBias;
    }

    /// <summary>Number of outputs.</summary>
    public int Units { get; }

    /// <summary>Weight initialization scheme (biases start at zero).</summary>
    public Initializer Initializer { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; }

    /// <summary>Weight of shape [in, out].</summary>
    public Parameter Weight => _weight ?? throw new InvalidOperationException("Dense is not built.");

    /// <summary>Bias of shape [out], or null without bias.</summary>
    public Parameter? Bias => _bias;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _bias is null ? [Weight] : [Weight, _bias];

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        if (inputShape.Rank != 1)
        {
            throw new ArgumentException($"Dense expects flat samples [features], got {inputShape}; add a Flatten layer first.", nameof(inputShape));
        }

        var fanIn = inputShape[0];
        _weight = new Parameter("weight", new TensorShape(fanIn, Units), ParameterRole.Weight);
        WeightInitializer.Fill(Initializer, _weight.Value, fanIn, Units, random);
        _bias = UseBias ? new Parameter("bias", TensorShape.Vector(Units), ParameterRole.Bias) : null;
        return TensorShape.Vector(Units);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        _input = input;
        var n = input.Batch;
        var inSize = InputShape[0];
        var y = Tensor.Ensure(ref _output, n, OutputShape);
        Gemm.Multiply(false, false, n, Units, inSize, 1f, input.Span, inSize, Weight.Value, Units, 0f, y.Span, Units, context.Threads);
        if (_bias is not null)
        {
            ReadOnlySpan<float> b = _bias.Value;
            var data = y.Span;
            for (var i = 0; i < n; i++)
            {
                var row = data.Slice(i * Units, Units);
                TensorPrimitives.Add(row, b, row);
            }
        }

        return y;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        var x = _input ?? throw new InvalidOperationException("Dense.Backward called before Forward.");
        var n = x.Batch;
        var inSize = InputShape[0];
        var dy = outputGradient.Span;
        Gemm.Multiply(true, false, inSize, Units, n, 1f, x.Span, inSize, dy, Units, 0f, Weight.Gradient, Units, context.Threads);
        if (_bias is not null)
        {
            ColumnSums(dy, n, Units, _bias.Gradient);
        }

        if (!NeedsInputGradient)
        {
            return null;
        }

        var dx = Tensor.Ensure(ref _inputGradient, n, InputShape);
        Gemm.Multiply(false, true, n, inSize, Units, 1f, dy, Units, Weight.Value, Units, 0f, dx.Span, inSize, context.Threads);
        return dx;
    }

    /// <summary>sums[j] = sum_i m[i, j], rows added in order (deterministic).</summary>
    internal static void ColumnSums(ReadOnlySpan<float> m, int rows, int cols, Span<float> sums)
    {
        sums.Clear();
        for (var i = 0; i < rows; i++)
        {
            TensorPrimitives.Add(sums, m.Slice(i * cols, cols), sums);
        }
    }
}
