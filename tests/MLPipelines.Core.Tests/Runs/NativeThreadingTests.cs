using MLPipelines.Core.Runs;

namespace MLPipelines.Core.Tests.Runs;

public sealed class NativeThreadingTests
{
    [Theory]
    [InlineData(0.0, 2, false)]
    [InlineData(1.4, 2, false)]
    [InlineData(1.5, 2, true)]
    [InlineData(30.0, 2, true)]
    [InlineData(6.0, 8, false)]
    [InlineData(7.6, 8, true)]
    public void ShouldSleep_IdleMachineSpins_BusyMachineSleeps(double load, int cores, bool sleeps) =>
        Assert.Equal(sleeps, NativeThreading.ShouldSleep(load, cores));

    [Fact]
    public void ShouldSleep_UnknownLoad_Sleeps() => Assert.True(NativeThreading.ShouldSleep(null, 2));

    [Fact]
    public void Policy_ChosenAtLoad_IsRecordedAndReachesTheEnvironment()
    {
        var policy = new EnvironmentInfo().OpenMpWaitPolicy;

        Assert.Equal(NativeThreading.Policy, policy);
        var variable = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        if (policy.StartsWith("PASSIVE", StringComparison.Ordinal))
        {
            Assert.Equal("PASSIVE", variable);
        }
        else if (policy.StartsWith("set by the user: ", StringComparison.Ordinal))
        {
            Assert.Equal(policy["set by the user: ".Length..], variable);
        }
        else
        {
            Assert.StartsWith("libgomp default spin (load ", policy, StringComparison.Ordinal);
            Assert.True(string.IsNullOrEmpty(variable));
        }
    }

    [Fact]
    public void ReadLoadAverage_OnLinux_IsANonNegativeNumber()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.True(NativeThreading.ReadLoadAverage() is >= 0);
    }
}
