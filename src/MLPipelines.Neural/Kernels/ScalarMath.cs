namespace MLPipelines.Neural.Kernels;

/// <summary>Scalar special functions that <see cref="Math"/> lacks.</summary>
internal static class ScalarMath
{
    /// <summary>
    /// Error function, |error| &lt; 1.2e-7 everywhere (Chebyshev fit of erfc, Numerical Recipes 6.2), which is
    /// below float32 resolution near 1 and matches ONNX Runtime's Erf within the export round-trip tolerance.
    /// </summary>
    public static double Erf(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var poly = -z * z - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418
            + (t * (-0.18628806 + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587
            + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var erfc = t * Math.Exp(poly);
        return x >= 0 ? 1.0 - erfc : erfc - 1.0;
    }
}
