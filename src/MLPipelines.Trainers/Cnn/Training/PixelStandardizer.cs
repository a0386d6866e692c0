using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Trainers.Cnn.Training;

/// <summary>
/// Per-channel pixel standardization <c>x' = (x - mean_c) / std_c</c>, fitted on the training images; applied in place
/// before training and as <c>Sub</c> + <c>Mul</c> nodes at the front of the exported graph (on the flat input), so the
/// saved model reads raw pixels. The identity (mean 0, std 1) when normalization is off.
/// </summary>
internal sealed class PixelStandardizer
{
    private PixelStandardizer(float[] mean, float[] std, TensorShape image)
    {
        Mean = mean;
        Std = std;
        Image = image;
    }

    /// <summary>Mean per channel.</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>Standard deviation per channel (1 where a channel is constant).</summary>
    public IReadOnlyList<float> Std { get; }

    private TensorShape Image { get; }

    /// <summary>The identity map for images of <paramref name="image"/>.</summary>
    public static PixelStandardizer Identity(TensorShape image) =>
        new([.. Enumerable.Repeat(0f, image[0])], [.. Enumerable.Repeat(1f, image[0])], image);

    /// <summary>Fits mean and deviation per channel on <paramref name="pixels"/> (rows of <c>[C, H, W]</c>).</summary>
    public static PixelStandardizer Fit(ReadOnlySpan<float> pixels, TensorShape image)
    {
        var channels = image[0];
        var plane = image.Size / channels;
        var sum = new double[channels];
        var squares = new double[channels];
        for (var start = 0; start < pixels.Length; start += image.Size)
        {
            for (var c = 0; c < channels; c++)
            {
                double s = 0, q = 0;
                foreach (var v in pixels.Slice(start + (c * plane), plane))
                {
                    s += v;
                    q += (double)v * v;
                }

                sum[c] += s;
                squares[c] += q;
            }
        }

        var count = (double)pixels.Length / channels;
        var mean = new float[channels];
        var std = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var m = sum[c] / count;
            var sd = Math.Sqrt(Math.Max(0, (squares[c] / count) - (m * m)));
            mean[c] = (float)m;
            std[c] = sd > 1e-6 && double.IsFinite(sd) ? (float)sd : 1f;
        }

        return new PixelStandardizer(mean, std, image);
    }

    /// <summary>The value a black (0) pixel takes after standardization, averaged over channels (the augmentation fill).</summary>
    public float Black => (float)Enumerable.Range(0, Mean.Count).Average(c => -Mean[c] / Std[c]);

    /// <summary>Standardizes <paramref name="pixels"/> in place.</summary>
    public void Apply(Span<float> pixels)
    {
        var plane = Image.Size / Mean.Count;
        for (var start = 0; start < pixels.Length; start += Image.Size)
        {
            for (var c = 0; c < Mean.Count; c++)
            {
                var (m, inv) = (Mean[c], 1f / Std[c]);
                var channel = pixels.Slice(start + (c * plane), plane);
                for (var i = 0; i < channel.Length; i++)
                {
                    channel[i] = (channel[i] - m) * inv;
                }
            }
        }
    }

    /// <summary>The graph's preprocessing on the flat input <c>[N, C H W]</c> (for <see cref="OnnxExportOptions.InputTransform"/>).</summary>
    public string Export(OnnxGraphBuilder graph, string input)
    {
        var plane = Image.Size / Mean.Count;
        var shift = new float[Image.Size];
        var scale = new float[Image.Size];
        for (var c = 0; c < Mean.Count; c++)
        {
            shift.AsSpan(c * plane, plane).Fill(Mean[c]);
            scale.AsSpan(c * plane, plane).Fill(1f / Std[c]);
        }

        var x = graph.AddNode("Sub", [input, graph.AddInitializer("pixel_mean", [Image.Size], shift)]);
        return graph.AddNode("Mul", [x, graph.AddInitializer("pixel_inv_std", [Image.Size], scale)]);
    }
}
