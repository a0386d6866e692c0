using System.Text.RegularExpressions;

namespace MLPipelines.Cli.Tests.Robustness;

/// <summary>User mistakes found by hand and by the fuzz harness: each is exit 2 with a message, never exit 1.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Validate_UnclosedFlowMappingFromIssue15_ReportsFileLineColumnAndExitsTwo()
    {
        var folder = TestFiles.NewFolder();
        File.Copy(TestFiles.Dataset("iris.csv"), Path.Combine(folder, "iris.csv"));
        var spec = TestFiles.Write("fz.yaml", """
            name: fz
            data: {path: iris.csv, label: target}
            evaluation: {method: kfold, folds:{2, repeats: 1, seed:3}
            models:
              - {name: a, trainer: lbfgs}
            """, folder);

        var (code, output) = CliRunner.Run("validate", spec);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Matches($@"^{Regex.Escape(spec)}:3:\d+: YAML syntax error", output);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public void HiddenLayersTooWideForMemory_AreRefusedAtTheOptionBeforeTheDataIsRead(string verb)
    {
        var folder = TestFiles.NewFolder();
        // 7 x 65536^2 weights with their gradients: 224 GB, more than any test machine has.
        var layers = string.Join(", ", Enumerable.Repeat("65536", 8));
        var spec = TestFiles.IrisSpec(folder, $"  - {{name: wide, trainer: mlp, options: {{hidden_layers: [{layers}]}}}}\n");

        var (code, output) = verb == "run" ? CliRunner.Run(verb, spec, "--out", Path.Combine(folder, "out")) : CliRunner.Run(verb, spec);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{spec}:9:57: models[0].options.hidden_layers: [{layers}] has 30,064,771,072 weights", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void Validate_NestingTenThousandDeep_IsRefusedAtItsPosition()
    {
        var folder = TestFiles.NewFolder();
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var spec = TestFiles.Write("deep.yaml", $"name: x\ndata: {{path: iris.csv, label: target}}\nmodels: {deep}\n", folder);

        var (code, output) = CliRunner.Run("validate", spec);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{spec}:3:", output, StringComparison.Ordinal);
        Assert.Contains("nesting deeper than 64 levels", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FileOverOneMebibyte_IsRefused()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.Write("big.yaml", "name: x\n# " + new string('a', 1 << 21) + "\n", folder);

        var (code, output) = CliRunner.Run("validate", spec);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("expected a pipeline YAML file of at most 1,048,576 bytes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OutIsAnExistingFile_ExitsTwoWithMessage()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);
        var file = TestFiles.Write("taken", "not a folder", folder);

        var (code, output) = CliRunner.Run("run", spec, "--out", file, "--quiet");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{file}: is a file; --out names the folder", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OutUnderAFileOrOnAReadOnlyFileSystem_ExitsTwoWithMessage()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);
        var file = TestFiles.Write("taken", "not a folder", folder);

        foreach (var output in new[] { Path.Combine(file, "run"), "/proc/mlpipe-run" })
        {
            var (code, text) = CliRunner.Run("run", spec, "--out", output, "--quiet");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains($"{output}: cannot create the run folder here", text, StringComparison.Ordinal);
        }
    }
}
