using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Tests.Statistics.Distributions;

public sealed class FisherFTests
{
    [Fact]
    public void FisherF_Survival_MatchesMpmathOnDemsarExample()
    {
        // Iman–Davenport F_F = 13 χ² / (42 − χ²) with χ² = 69/7, on F(3, 39).
        double f = 13 * (69.0 / 7) / (42 - (69.0 / 7));

        Close.Relative(0.014352446216023746, FisherF.Survival(f, 3, 39), 1e-12);
    }

    [Fact]
    public void FisherF_OneAndNu_EqualsSquaredStudentT()
    {
        // F(1, ν) is the square of a t with ν degrees of freedom, which is how Weka computes its t-test p-value.
        Close.Relative(StudentT.TwoSidedPValue(2.3, 7), FisherF.Survival(2.3 * 2.3, 1, 7), 1e-13);
    }

    [Fact]
    public void FisherF_CdfAndSurvival_SumToOne()
    {
        Assert.Equal(1, FisherF.Cdf(1.7, 4, 12) + FisherF.Survival(1.7, 4, 12), 14);
        Assert.Equal(0, FisherF.Cdf(0, 4, 12));
    }
}
