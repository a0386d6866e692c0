using MLPipelines.Core.Runs;

namespace MLPipelines.Core.Tests.Runs;

/// <summary>One writer per run folder, and the unit store that lets an interrupted run be resumed.</summary>
public sealed class RunFolderResumeTests
{
    [Fact]
    public void Create_WhileAnotherWriterHoldsTheFolder_IsRefusedUntilItFinishes()
    {
        var output = Path.Combine(TestPaths.NewTempFolder(), "run");
        var first = RunFolder.Create(output, overwrite: false, key: "k1");

        var error = Assert.Throws<RunFolderException>(() => RunFolder.Create(output, overwrite: false, key: "k1"));
        Assert.Contains("another mlpipe run is writing to this folder", error.Message, StringComparison.Ordinal);

        first.Complete();
        using var again = RunFolder.Create(output, overwrite: false, key: "k1");
        Assert.True(again.AlreadyComplete);
    }

    [Fact]
    public void Create_AfterAKilledAttemptWithTheSameKey_KeepsItsUnits_AndDropsThemForAnotherKey()
    {
        var output = Path.Combine(TestPaths.NewTempFolder(), "run");
        var killed = RunFolder.Create(output, overwrite: false, key: "k1");
        killed.Units!.Write("m0-a/r0-f0", new[] { 1.5f });
        killed.Dispose(); // what the OS does when the process is killed: the lock goes, .run.partial stays

        using (var resumed = RunFolder.Create(output, overwrite: false, key: "k1"))
        {
            Assert.True(resumed.Units!.TryRead<float[]>("m0-a/r0-f0", out var value));
            Assert.Equal([1.5f], value);
        }

        using var other = RunFolder.Create(output, overwrite: false, key: "k2");
        Assert.Empty(other.Units!.Names());
    }

    [Fact]
    public void Create_AfterAFailedAttempt_TakesOverTheIncompleteFolder()
    {
        var output = Path.Combine(TestPaths.NewTempFolder(), "run");
        var failed = RunFolder.Create(output, overwrite: false, key: "k1");
        failed.Units!.Write("m0-a/final", new[] { 2.0 });
        failed.Abandon("boom");
        Assert.True(Directory.Exists(output + ".incomplete"));

        using var resumed = RunFolder.Create(output, overwrite: false, key: "k1");

        Assert.Equal(["m0-a/final"], resumed.Units!.Names());
        Assert.False(Directory.Exists(output + ".incomplete"));
        Assert.False(File.Exists(Path.Combine(resumed.WorkPath, "error.txt")));
    }

    [Fact]
    public void UnitStore_RoundTripsNaNAndInfinities_AndIgnoresUnitsOfAnotherKeyOrDamaged()
    {
        var folder = TestPaths.NewTempFolder();
        var store = new UnitStore(folder, "k1");
        float[] values = [float.NaN, float.PositiveInfinity, -0f, 1e-45f, 3.4028235e38f, 0.1f];

        store.Write("m1-x/r0-f1", values);
        Assert.True(store.TryRead<float[]>("m1-x/r0-f1", out var back));
        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), back.Select(BitConverter.SingleToInt32Bits));
        Assert.False(new UnitStore(folder, "k2").TryRead<float[]>("m1-x/r0-f1", out _));

        File.WriteAllText(Path.Combine(folder, "m1-x", "r0-f1.json"), "{\"key\": \"k1\", \"val");
        Assert.False(store.TryRead<float[]>("m1-x/r0-f1", out _));
        Assert.Throws<ArgumentException>(() => store.Write("../escape", values));
    }
}
