using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Layers;

/// <summary>
/// Compares a layer's backward against central finite differences of <c>L = sum(r * layer(x))</c> for a fixed
/// random r, for every input and every parameter element. Sums are taken in float64.
/// </summary>
internal static class GradientChecker
{
    public static void Check(
        Layer layer, TensorShape inputShape, int batch, bool training = true,
        Func<Random, float>? input = null, double h = 1e-2, double tolerance = 3e-3)
    {
        layer.Build(inputShape, new Random(1));
        layer.NeedsInputGradient = true;
        var ctx = new PassContext { Training = training, Threads = 1 };
        var rnd = new Random(2);
        var x = new Tensor(batch, inputShape);
        var xs = x.Data;
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] = input?.Invoke(rnd) ?? (float)((rnd.NextDouble() * 4) - 2);
        }

        var outShape = layer.OutputShape;
        var r = new float[batch * outShape.Size];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = (float)((rnd.NextDouble() * 2) - 1);
        }

        double Objective()
        {
            var y = layer.Forward(x, ctx).Span;
            double s = 0;
            for (var i = 0; i < r.Length; i++)
            {
                s += (double)r[i] * y[i];
            }

            return s;
        }

        layer.Forward(x, ctx);
        var dy = Tensor.Wrap((float[])r.Clone(), batch, outShape);
        var dx = layer.Backward(dy, ctx)!.Span.ToArray();
        var paramGrads = layer.Parameters.Select(p => (float[])p.Gradient.Clone()).ToArray();

        for (var i = 0; i < xs.Length; i++)
        {
            var numeric = Numeric(ref xs[i], h, Objective);
            AssertClose(dx[i], numeric, tolerance, $"{layer.Kind} d/dx[{i}]");
        }

        for (var p = 0; p < layer.Parameters.Count; p++)
        {
            var values = layer.Parameters[p].Value;
            for (var j = 0; j < values.Length; j++)
            {
                var numeric = Numeric(ref values[j], h, Objective);
                AssertClose(paramGrads[p][j], numeric, tolerance, $"{layer.Kind} d/d{layer.Parameters[p].Name}[{j}]");
            }
        }
    }

    private static double Numeric(ref float v, double h, Func<double> objective)
    {
        var saved = v;
        v = (float)(saved + h);
        var plus = objective();
        v = (float)(saved - h);
        var minus = objective();
        v = saved;
        return (plus - minus) / (2 * h);
    }

    public static void AssertClose(double analytic, double numeric, double tolerance, string what)
    {
        var scale = Math.Max(1.0, Math.Max(Math.Abs(analytic), Math.Abs(numeric)));
        Assert.True(Math.Abs(analytic - numeric) <= tolerance * scale, $"{what}: analytic {analytic}, numeric {numeric}");
    }
}
