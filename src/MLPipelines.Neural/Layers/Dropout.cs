using MLPipelines.Neural.Tensors;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Inverted dropout: in training each element is kept with probability <c>1 - rate</c> and scaled by
/// <c>1 / (1 - rate)</c>, otherwise zeroed; at inference it is the identity. The mask comes from the layer's
/// own generator, seeded at build time, so runs repeat exactly.
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

        var keep = 1f - Rate;
        var scale = 1f / keep;
        var threshold = (uint)(keep * 16777216f);
        var y = Tensor.Ensure(ref _output, input.Batch, OutputShape);
        var x = input.Span;
        var o = y.Span;
        for (var i = 0; i < n; i++)
        {
            // xorshift64*: cheap and fully deterministic; the top 24 bits give a uniform in [0, 2^24).
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            var u = (uint)((_state * 2685821657736338717UL) >> 40);
            var m = u < threshold ? scale : 0f;
            _mask[i] = m;
            o[i] = x[i] * m;
        }

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
