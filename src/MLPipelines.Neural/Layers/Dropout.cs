using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Inverted dropout: in training each element is kept with probability <c>1 - rate</c> and scaled by
/// <c>1 / (1 - rate)</c>, otherwise zeroed; at inference it is the identity. Masks come from a counter-based
/// hash keyed per call by the layer's own generator (seeded at build time), so runs repeat exactly.
/// </summary>
public sealed class Dropout : Layer, IOnnxExportable
{
    private Tensor? _output;
    private Tensor? _inputGradient;
    private float[] _mask = [];
    private ulong _state;
    private bool _lastWasTraining;

    /// <summary>Creates a dropout layer dropping a fraction <paramref name="rate"/> in [0, 1).</summary>
    public Dropout(float rate)
    {
        if (!(rate >= 0f && rate < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Dropout rate must be in [0, 1).");
        }

        Rate = rate;
    }

    /// <summary>Fraction of elements dropped during training.</summary>
    public float Rate { get; }

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        _state = (ulong)random.NextInt64() | 1UL;
        return inputShape;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        _lastWasTraining = context.Training && Rate > 0f;
        if (!_lastWasTraining)
        {
            return input;
        }

        var n = input.Length;
        if (_mask.Length < n)
        {
            _mask = new float[input.Data.Length];
        }

        // A fresh 64-bit key per call from the layer's seeded generator (splitmix64 step).
        _state += 0x9E3779B97F4A7C15UL;
        var key = _state;
        key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9UL;
        key = (key ^ (key >> 27)) * 0x94D049BB133111EBUL;
        key ^= key >> 31;
        var y = Tensor.Ensure(ref _output, input.Batch, OutputShape);
        DropoutKernel.Apply(input.Span, y.Span, _mask.AsSpan(0, n), key, 1f - Rate);
        return y;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        if (!NeedsInputGradient)
        {
            return null;
        }

        if (!_lastWasTraining)
        {
            return outputGradient;
        }

        var dx = Tensor.Ensure(ref _inputGradient, outputGradient.Batch, InputShape);
        System.Numerics.Tensors.TensorPrimitives.Multiply(outputGradient.Span, _mask.AsSpan(0, outputGradient.Length), dx.Span);
        return dx;
    }

    /// <summary>Dropout is the identity at inference: nothing is added.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input) => input;
}
