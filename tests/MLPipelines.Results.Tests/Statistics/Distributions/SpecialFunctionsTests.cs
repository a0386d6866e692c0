using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Tests.Statistics.Distributions;

public sealed class SpecialFunctionsTests
{
    [Theory]
    [InlineData(0.5, 0.57236494292470008)] // ln √π
    [InlineData(1, 0)]
    [InlineData(10, 12.801827480081469)] // ln 9!
    [InlineData(1e-3, 6.9071788853838537)]
    public void SpecialFunctions_LogGamma_MatchesKnownValues(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), 12);
    }

    [Fact]
    public void SpecialFunctions_LogBeta_StaysAccurateForLargeArguments()
    {
        // ln B(500, 1/2) and ln B(400, 300) by mpmath; the naive three-log-gamma sum loses ~4 digits here.
        Close.Relative(-2.5346891063280624, SpecialFunctions.LogBeta(500, 0.5), 1e-13);
        Close.Relative(-479.68845103713200, SpecialFunctions.LogBeta(400, 300), 1e-13);
    }

    [Fact]
    public void SpecialFunctions_RegularizedBeta_TailsSumToOne()
    {
        var (lower, upper) = SpecialFunctions.RegularizedBeta(2.5, 4, 0.3, 0.7);

        Assert.Equal(1, lower + upper, 15);
        Close.Relative(0.35219758590676721, lower, 1e-12);
    }

    [Fact]
    public void SpecialFunctions_Log1P_KeepsSmallArguments()
    {
        Close.Relative(1e-18, SpecialFunctions.Log1P(1e-18), 1e-15);
        Close.Relative(Math.Log(1.5), SpecialFunctions.Log1P(0.5), 1e-15);
    }

    [Fact]
    public void SpecialFunctions_Tails_StayAccurateForManyDegreesOfFreedom()
    {
        // mpmath at 40 digits. The naive prefactor a ln x − x − ln Γ(a) loses ~6 digits at a = 5e5.
        Close.Relative(0.4998119368033945, ChiSquared.Survival(1e6, 1e6), 1e-12);
        Close.Relative(0.045527260661435443, StudentT.TwoSidedPValue(2, 1e4), 1e-12);
    }
}
