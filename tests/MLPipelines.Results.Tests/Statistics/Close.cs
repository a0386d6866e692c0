namespace MLPipelines.Results.Tests.Statistics;

/// <summary>Relative-tolerance assertion for numbers that span many orders of magnitude (p-values).</summary>
internal static class Close
{
    public static void Relative(double expected, double actual, double tolerance)
    {
        double error = Math.Abs(actual - expected);
        Assert.True(
            error <= tolerance * Math.Abs(expected),
            $"Expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E2} > {tolerance:E0}).");
    }
}
