using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class HolmCorrectionTests
{
    [Fact]
    public void HolmCorrection_Adjust_StepsDownAndKeepsMonotone()
    {
        // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → raised to the running max 0.06.
        var adjusted = HolmCorrection.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p!.Value, 12)));
    }

    [Fact]
    public void HolmCorrection_Adjust_CapsAtOne()
    {
        var adjusted = HolmCorrection.Adjust([0.5, 0.9]);

        Assert.Equal([1.0, 1.0], adjusted.Select(p => p!.Value));
    }

    [Fact]
    public void HolmCorrection_Adjust_LeavesUntestedComparisonsOutOfTheFamily()
    {
        var adjusted = HolmCorrection.Adjust([0.01, null, 0.02]);

        Assert.Null(adjusted[1]);
        Assert.Equal(0.02, adjusted[0]!.Value, 15);
        Assert.Equal(0.02, adjusted[2]!.Value, 15);
    }

    [Fact]
    public void HolmCorrection_Adjust_RejectsInvalidPValue()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HolmCorrection.Adjust([0.1, 1.5]));
    }
}
