using System.Runtime.Intrinsics;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Vectorized activations and derivatives (float32). Exponentials use <see cref="Vector512.Exp(Vector512{float})"/>;
/// inputs are clamped where e^x would overflow, so results stay finite and match the closed forms to ~1e-7.
/// </summary>
internal static class ActivationOps
{
    private const float Clamp = 80f;

    /// <summary>1 / (1 + e^-x).</summary>
    public static Vector512<float> Sigmoid(Vector512<float> x) =>
        Vector512<float>.One / (Vector512<float>.One + Vector512.Exp(-Vector512.Min(Vector512.Max(x, Vector512.Create(-Clamp)), Vector512.Create(Clamp))));

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-Math.Clamp(x, -Clamp, Clamp)));

    /// <summary>erf(x), |error| &lt; 2e-7: Chebyshev fit of erfc (Numerical Recipes 6.2) evaluated in float.</summary>
    public static Vector512<float> Erf(Vector512<float> x)
    {
        var z = Vector512.Abs(x);
        var t = Vector512<float>.One / (Vector512<float>.One + (Vector512.Create(0.5f) * z));
        var p = Vector512.Create(0.17087277f);
        p = Vector512.Create(-0.82215223f) + (t * p);
        p = Vector512.Create(1.48851587f) + (t * p);
        p = Vector512.Create(-1.13520398f) + (t * p);
        p = Vector512.Create(0.27886807f) + (t * p);
        p = Vector512.Create(-0.18628806f) + (t * p);
        p = Vector512.Create(0.09678418f) + (t * p);
        p = Vector512.Create(0.37409196f) + (t * p);
        p = Vector512.Create(1.00002368f) + (t * p);
        p = Vector512.Create(-1.26551223f) + (t * p);
        var zc = Vector512.Min(z, Vector512.Create(10f)); // erfc(10) underflows float anyway
        var erfc = t * Vector512.Exp(p - (zc * zc));
        var positive = Vector512<float>.One - erfc;
        return Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), -positive, positive);
    }

    public static float Erf(float x) => (float)ScalarMath.Erf(x);

    internal readonly struct SigmoidOp : IUnaryOp
    {
        public static Vector512<float> Invoke(Vector512<float> x) => Sigmoid(x);

        public static float Invoke(float x) => Sigmoid(x);
    }

    internal readonly struct SigmoidBackward : IBackwardOp
    {
        public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y, Vector512<float> dy) => dy * y * (Vector512<float>.One - y);

        public static float Invoke(float x, float y, float dy) => dy * y * (1f - y);
    }

    internal readonly struct TanhBackward : IBackwardOp
    {
        public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y, Vector512<float> dy) => dy * (Vector512<float>.One - (y * y));

        public static float Invoke(float x, float y, float dy) => dy * (1f - (y * y));
    }

    /// <summary>SiLU: x s(x).</summary>
    internal readonly struct SiluOp : IUnaryOp
    {
        public static Vector512<float> Invoke(Vector512<float> x) => x * Sigmoid(x);

        public static float Invoke(float x) => x * Sigmoid(x);
    }

    /// <summary>
    /// SiLU': s (1 + x (1 - s)) with s = y / x recovered from the output (no exponential); near 0, where the
    /// division loses precision, s = 1/2 + x/4 (error O(x^3)).
    /// </summary>
    internal readonly struct SiluBackward : IBackwardOp
    {
        public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y, Vector512<float> dy)
        {
            var near0 = Vector512.LessThan(Vector512.Abs(x), Vector512.Create(SmallX));
            var s = Vector512.ConditionalSelect(near0, Vector512.Create(0.5f) + (Vector512.Create(0.25f) * x), y / x);
            return dy * s * (Vector512<float>.One + (x * (Vector512<float>.One - s)));
        }

        public static float Invoke(float x, float y, float dy)
        {
            var s = MathF.Abs(x) < SmallX ? 0.5f + (0.25f * x) : y / x;
            return dy * s * (1f + (x * (1f - s)));
        }
    }

    /// <summary>Below this |x|, ratios y / x are replaced by their Taylor expansion at 0.</summary>
    private const float SmallX = 1e-3f;

    private const float InvSqrt2 = 0.70710678f;
    private const float InvSqrt2Pi = 0.39894228f;

    /// <summary>GELU: 0.5 x (1 + erf(x / sqrt 2)).</summary>
    internal readonly struct GeluOp : IUnaryOp
    {
        public static Vector512<float> Invoke(Vector512<float> x) =>
            Vector512.Create(0.5f) * x * (Vector512<float>.One + Erf(x * Vector512.Create(InvSqrt2)));

        public static float Invoke(float x) => 0.5f * x * (1f + Erf(x * InvSqrt2));
    }

    /// <summary>
    /// GELU': Phi(x) + x phi(x), with Phi = y / x recovered from the output (no second erf); near 0,
    /// Phi = 1/2 + x phi(0) (error O(x^3)).
    /// </summary>
    internal readonly struct GeluBackward : IBackwardOp
    {
        public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y, Vector512<float> dy)
        {
            var near0 = Vector512.LessThan(Vector512.Abs(x), Vector512.Create(SmallX));
            var cdf = Vector512.ConditionalSelect(near0, Vector512.Create(0.5f) + (Vector512.Create(InvSqrt2Pi) * x), y / x);
            var pdf = Vector512.Create(InvSqrt2Pi) * Vector512.Exp(Vector512.Max(Vector512.Create(-0.5f) * x * x, Vector512.Create(-Clamp)));
            return dy * (cdf + (x * pdf));
        }

        public static float Invoke(float x, float y, float dy)
        {
            var cdf = MathF.Abs(x) < SmallX ? 0.5f + (InvSqrt2Pi * x) : y / x;
            var pdf = InvSqrt2Pi * MathF.Exp(-0.5f * x * x);
            return dy * (cdf + (x * pdf));
        }
    }

    /// <summary>Mish: x tanh(softplus(x)) = x n / (n + 2) with n = e^x (e^x + 2).</summary>
    internal readonly struct MishOp : IUnaryOp
    {
        public static Vector512<float> Invoke(Vector512<float> x) => x * TanhSoftplus(x);

        public static float Invoke(float x) => x * TanhSoftplus(x);
    }

    /// <summary>Mish': t + x (1 - t^2) s(x), t = tanh(softplus(x)).</summary>
    internal readonly struct MishBackward : IBackwardOp
    {
        public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y, Vector512<float> dy)
        {
            var t = TanhSoftplus(x);
            return dy * (t + (x * (Vector512<float>.One - (t * t)) * Sigmoid(x)));
        }

        public static float Invoke(float x, float y, float dy)
        {
            var t = TanhSoftplus(x);
            return dy * (t + (x * (1f - (t * t)) * Sigmoid(x)));
        }
    }

    private static Vector512<float> TanhSoftplus(Vector512<float> x)
    {
        // Above x = 20, tanh(softplus(x)) is 1 in float; clamping keeps n finite.
        var e = Vector512.Exp(Vector512.Min(x, Vector512.Create(20f)));
        var n = e * (e + Vector512.Create(2f));
        return n / (n + Vector512.Create(2f));
    }

    private static float TanhSoftplus(float x)
    {
        var e = MathF.Exp(MathF.Min(x, 20f));
        var n = e * (e + 2f);
        return n / (n + 2f);
    }

    /// <summary>SELU: lambda x (x &gt; 0), lambda alpha (e^x - 1) otherwise.</summary>
    internal readonly struct SeluOp : IUnaryOp
    {
        private const float Lambda = 1.0507009873554805f;
        private const float LambdaAlpha = 1.0507009873554805f * 1.6732632423543772f;

        public static Vector512<float> Invoke(Vector512<float> x)
        {
            var neg = Vector512.Create(LambdaAlpha) * (Vector512.Exp(Vector512.Min(x, Vector512<float>.Zero)) - Vector512<float>.One);
            return Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), Vector512.Create(Lambda) * x, neg);
        }

        public static float Invoke(float x) => x > 0f ? Lambda * x : LambdaAlpha * (MathF.Exp(x) - 1f);
    }

    /// <summary>SELU': lambda (x &gt; 0), lambda alpha e^x otherwise.</summary>
    internal readonly struct SeluBackward : IBackwardOp
    {
        private const float Lambda = 1.0507009873554805f;
        private const float LambdaAlpha = 1.0507009873554805f * 1.6732632423543772f;

        public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y, Vector512<float> dy)
        {
            var neg = Vector512.Create(LambdaAlpha) * Vector512.Exp(Vector512.Min(x, Vector512<float>.Zero));
            return dy * Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), Vector512.Create(Lambda), neg);
        }

        public static float Invoke(float x, float y, float dy) => dy * (x > 0f ? Lambda : LambdaAlpha * MathF.Exp(x));
    }
}
