namespace MLPipelines.Cli.Tests.Cluster;

/// <summary>Bad <c>--cluster</c> input: a clear message and exit code 2, before any data is read.</summary>
public sealed class ClusterCommandTests
{
    [Theory]
    [InlineData("http://127.0.0.1:6379")]
    [InlineData("redis://127.0.0.1")]
    [InlineData("redis://127.0.0.1:99999")]
    [InlineData("redis://:6379")]
    public void Run_MalformedClusterAddress_ExitsTwoSayingTheExpectedForm(string url)
    {
        var spec = TestFiles.IrisSpec(TestFiles.NewFolder());

        var (code, text) = CliRunner.Run("run", spec, "--quiet", "--cluster", url);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"--cluster '{url}': expected redis://HOST:PORT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Experiment_NoRedisServerAtTheAddress_ExitsTwoNamingTheAddress()
    {
        var folder = TestFiles.NewFolder();
        var file = TestFiles.Write("e.yaml",
            $"name: e\nmodels: [lbfgs, sdca]\ndatasets:\n  - {{data: {{path: {TestFiles.Dataset("iris.csv")}, label: target}}}}\n  - {{data: {{path: {TestFiles.Dataset("wine.csv")}, label: target}}}}\n", folder);
        var port = RedisServer.FreePort(); // nothing listens there

        var (code, text) = CliRunner.Run("experiment", file, "--quiet", "--out", Path.Combine(folder, "out"), "--cluster", $"redis://127.0.0.1:{port}");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"--cluster redis://127.0.0.1:{port}: no Redis server answers at 127.0.0.1:{port}", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void Worker_WithoutCluster_ExitsTwo()
    {
        var (code, text) = CliRunner.Run("worker");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("give --cluster redis://HOST:PORT", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ClusterIdWithoutCluster_ExitsTwo()
    {
        var (code, text) = CliRunner.Run("run", TestFiles.IrisSpec(TestFiles.NewFolder()), "--quiet", "--cluster-id", "a");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--cluster-id and --service-id need --cluster", text, StringComparison.Ordinal);
    }
}
