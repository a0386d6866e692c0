using MLPipelines.Neural.Layers;

namespace MLPipelines.Neural.Tests.Layers;

/// <summary>The vectorized activations against float64 closed forms over a wide input range, tails included.</summary>
public sealed class ActivationAccuracyTests
{
    private static double Erf(double x)
    {
        // Abramowitz-Stegun 7.1.28-free reference: high-order series / continued fraction via Math functions is not
        // in .NET, so integrate exp(-t^2) with Simpson's rule (2,000 panels) - exact to ~1e-12 for |x| <= 12.
        var n = 2000;
        var h = x / n;
        double sum = 1 + Math.Exp(-x * x);
        for (var i = 1; i < n; i++)
        {
            sum += (i % 2 == 0 ? 2 : 4) * Math.Exp(-(i * h) * (i * h));
        }

        return 2 / Math.Sqrt(Math.PI) * sum * h / 3;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Softplus(double x) => x > 30 ? x : Math.Log(1 + Math.Exp(x));

    public static TheoryData<string> Names => ["gelu", "silu", "mish", "selu", "sigmoid", "tanh"];

    private static (ActivationLayer Layer, Func<double, double> F, Func<double, double> D) Make(string name) => name switch
    {
        "gelu" => (new Gelu(), x => 0.5 * x * (1 + Erf(x / Math.Sqrt(2))), x => (0.5 * (1 + Erf(x / Math.Sqrt(2)))) + (x * Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI))),
        "silu" => (new Silu(), x => x * Sigmoid(x), x => Sigmoid(x) * (1 + (x * (1 - Sigmoid(x))))),
        "mish" => (new Mish(), x => x * Math.Tanh(Softplus(x)), x =>
        {
            var t = Math.Tanh(Softplus(x));
            return t + (x * (1 - (t * t)) * Sigmoid(x));
        }),
        "selu" => (new Selu(), x => x > 0 ? 1.0507009873554805 * x : 1.0507009873554805 * 1.6732632423543772 * (Math.Exp(x) - 1),
                   x => x > 0 ? 1.0507009873554805 : 1.0507009873554805 * 1.6732632423543772 * Math.Exp(x)),
        "sigmoid" => (new Sigmoid(), Sigmoid, x => Sigmoid(x) * (1 - Sigmoid(x))),
        "tanh" => (new Tanh(), Math.Tanh, x => 1 - (Math.Tanh(x) * Math.Tanh(x))),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Activation_ApplyAndDifferentiate_MatchFloat64ClosedForms(string name)
    {
        // Given 1,003 inputs from -12 to 12 (62 Vector512 blocks and a scalar tail of 11)
        var (layer, f, d) = Make(name);
        var x = Enumerable.Range(0, 1003).Select(i => -12f + (24f * i / 1002)).ToArray();
        var y = new float[x.Length];
        var dx = new float[x.Length];
        var ones = Enumerable.Repeat(1f, x.Length).ToArray();

        // When applied and differentiated (dy = 1)
        layer.Apply(x, y);
        layer.Differentiate(x, y, ones, dx);

        // Then both agree with float64 within float32 rounding
        for (var i = 0; i < x.Length; i++)
        {
            Assert.True(Math.Abs(y[i] - f(x[i])) <= 2e-6 * Math.Max(1, Math.Abs(f(x[i]))), $"{name}({x[i]}) = {y[i]}, expected {f(x[i])}");
            Assert.True(Math.Abs(dx[i] - d(x[i])) <= 2e-6 * Math.Max(1, Math.Abs(d(x[i]))), $"{name}'({x[i]}) = {dx[i]}, expected {d(x[i])}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Activation_Apply_StaysFiniteForExtremeInputs(string name)
    {
        var (layer, _, _) = Make(name);
        // Repeated to 24 values so both the Vector512 path and the scalar tail see them.
        float[] extremes = [-1e30f, -1000f, -90f, 90f, 1000f, 1e30f];
        var x = Enumerable.Range(0, 24).Select(i => extremes[i % extremes.Length]).ToArray();
        var y = new float[x.Length];
        var dx = new float[x.Length];

        layer.Apply(x, y);
        layer.Differentiate(x, y, Enumerable.Repeat(1f, x.Length).ToArray(), dx);

        Assert.All(y, v => Assert.True(float.IsFinite(v), $"{name} gave {v}"));
        Assert.All(dx, v => Assert.True(float.IsFinite(v), $"{name}' gave {v}"));
    }
}
