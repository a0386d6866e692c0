using System.Numerics.Tensors;

namespace MLPipelines.Neural.Losses;

/// <summary>
/// Softmax cross-entropy on logits z (rows x K) with one class index per row as target (stored as a float):
/// <c>l_i = w_{y_i} * (logsumexp(z_i) - sum_k q_ik z_ik)</c>, where <c>q_i = (1 - eps) onehot(y_i) + eps / K</c>
/// (label smoothing eps), and the batch loss is <c>sum_i l_i / sum_i w_{y_i}</c> (PyTorch's weighted mean).
/// Gradient: <c>dL/dz_ik = w_{y_i} (softmax(z_i)_k - q_ik) / sum_i w_{y_i}</c>.
/// </summary>
public sealed class SoftmaxCrossEntropy : Loss
{
    private readonly float[]? _classWeights;
    private float[] _probs = [];

    /// <summary>Creates the loss.</summary>
    /// <param name="labelSmoothing">eps in [0, 1).</param>
    /// <param name="classWeights">Optional weight per class (e.g. inverse frequency); all must be &gt; 0.</param>
    public SoftmaxCrossEntropy(float labelSmoothing = 0f, IReadOnlyList<float>? classWeights = null)
    {
        if (!(labelSmoothing >= 0f && labelSmoothing < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "Label smoothing must be in [0, 1).");
        }

        if (classWeights is not null)
        {
            if (classWeights.Any(w => !(w > 0f) || !float.IsFinite(w)))
            {
                throw new ArgumentException("Class weights must be finite and > 0.", nameof(classWeights));
            }

            _classWeights = [.. classWeights];
        }

        LabelSmoothing = labelSmoothing;
    }

    /// <summary>Label smoothing eps.</summary>
    public float LabelSmoothing { get; }

    /// <summary>Class weights, or null.</summary>
    public IReadOnlyList<float>? ClassWeights => _classWeights;

    /// <inheritdoc />
    public override int TargetWidth(int outputWidth) => 1;

    /// <inheritdoc />
    public override double Evaluate(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols, Span<float> gradient)
    {
        CheckSizes(outputs, targets, rows, cols, gradient);
        if (_classWeights is not null && _classWeights.Length != cols)
        {
            throw new ArgumentException($"{_classWeights.Length} class weights given for {cols} classes.", nameof(outputs));
        }

        if (_probs.Length < cols)
        {
            _probs = new float[cols];
        }

        var eps = LabelSmoothing;
        var off = eps / cols;
        double total = 0, weightSum = 0;
        for (var i = 0; i < rows; i++)
        {
            var y = ClassOf(targets[i], cols, i);
            var w = _classWeights?[y] ?? 1f;
            var z = outputs.Slice(i * cols, cols);
            var probs = _probs.AsSpan(0, cols);
            var max = TensorPrimitives.Max(z);
            TensorPrimitives.Subtract(z, max, probs);
            TensorPrimitives.Exp(probs, probs);
            double sumExp = TensorPrimitives.Sum<float>(probs);
            var lse = max + Math.Log(sumExp);

            // sum_k q_k z_k with q = (1 - eps) onehot(y) + eps / K.
            var qz = ((1f - eps) * z[y]) + (off * (double)TensorPrimitives.Sum(z));
            total += w * (lse - qz);
            weightSum += w;
            if (!gradient.IsEmpty)
            {
                // g = w (p - q), scaled by 1 / sum w after the loop.
                var g = gradient.Slice(i * cols, cols);
                TensorPrimitives.Multiply(probs, (float)(w / sumExp), g);
                TensorPrimitives.Subtract(g, w * off, g);
                g[y] -= w * (1f - eps);
            }
        }

        if (!gradient.IsEmpty)
        {
            var scale = (float)(1.0 / weightSum);
            TensorPrimitives.Multiply(gradient[..(rows * cols)], scale, gradient[..(rows * cols)]);
        }

        return total / weightSum;
    }

    /// <summary>
    /// "Balanced" class weights <c>w_k = n / (K n_k)</c> from class-index targets (classes absent from the data
    /// get weight 1), for imbalanced data.
    /// </summary>
    public static float[] BalancedWeights(ReadOnlySpan<float> targets, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var counts = new long[classes];
        for (var i = 0; i < targets.Length; i++)
        {
            counts[ClassOf(targets[i], classes, i)]++;
        }

        var weights = new float[classes];
        for (var k = 0; k < classes; k++)
        {
            weights[k] = counts[k] == 0 ? 1f : (float)((double)targets.Length / (classes * counts[k]));
        }

        return weights;
    }

    internal static int ClassOf(float target, int classes, int row)
    {
        var y = (int)target;
        if (y != target || y < 0 || y >= classes)
        {
            throw new ArgumentException($"Target of row {row} is {target}; expected a class index in [0, {classes - 1}].", nameof(target));
        }

        return y;
    }
}
