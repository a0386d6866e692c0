using System.Buffers.Binary;
using MLPipelines.Results;
using MLPipelines.Results.Experiments;

namespace MLPipelines.Cli.Tests;

public sealed class ExperimentAndReportTests
{
    [Fact]
    public void Experiment_TwoDatasets_WritesMatrixDiagramAndRunsThenReportRewritesThem()
    {
        var folder = TestFiles.NewFolder();
        var file = TestFiles.Write("tiny.yaml",
            "name: tiny\nevaluation: {folds: 3, seed: 2}\nmodels:\n  - {name: sdca, trainer: sdca, options: {max_iterations: 20}}\n  - {name: linear, trainer: lbfgs}\n" +
            $"datasets:\n  - {{name: iris, data: {{path: {TestFiles.Dataset("iris.csv")}, label: target}}}}\n  - {{name: wine, data: {{path: {TestFiles.Dataset("wine.csv")}, label: target}}}}\n",
            folder);
        var output = Path.Combine(folder, "out");

        var (code, text) = CliRunner.Run("experiment", file, "--out", output);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("average rank", text, StringComparison.Ordinal);
        Assert.Contains($"Experiment folder: {Path.GetFullPath(output)}", text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(output, "cd.svg")), StringComparison.Ordinal);
        var markdown = File.ReadAllText(Path.Combine(output, "experiment.md"));
        Assert.Contains("| iris |", markdown, StringComparison.Ordinal);
        Assert.Contains("Nemenyi critical difference", markdown, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "runs", "wine", "report.md")));
        Assert.Equal(["iris", "wine"], ExperimentJson.Read(Path.Combine(output, "experiment.json")).Datasets.Select(d => d.Name));

        File.Delete(Path.Combine(output, "experiment.md"));
        File.Delete(Path.Combine(output, "runs", "iris", "report.md"));
        var (reportCode, reportText) = CliRunner.Run("report", output);

        Assert.Equal(ExitCodes.Ok, reportCode);
        Assert.Contains("markdown", reportText, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "experiment.md")));
        Assert.True(File.Exists(Path.Combine(output, "runs", "iris", "report.md")));
    }

    [Fact]
    public void Experiment_InvalidFile_ReportsFileLineColumnAndExitsTwo()
    {
        var file = TestFiles.Write("bad.yaml", "name: bad\nmodels: [lbfgs, sdca]\ndatasets:\n  - {data: {path: nowhere.csv, label: y}}\n  - {dat: {}}\n");

        var (code, text) = CliRunner.Run("experiment", file);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{file}:4:19: datasets[0].data.path: file not found", text, StringComparison.Ordinal);
        Assert.Contains($"{file}:5:6: datasets[1].dat: unknown key of a dataset; did you mean 'data'?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExperimentFile_ChecksEveryDatasetHeader()
    {
        var file = TestFiles.Write("e.yaml",
            $"name: e\nmodels: [lbfgs, sdca]\ndatasets:\n  - {{data: {{path: {TestFiles.Dataset("iris.csv")}, label: target}}}}\n  - {{data: {{path: {TestFiles.Dataset("wine.csv")}, label: taget}}}}\n");

        var (code, text) = CliRunner.Run("validate", file);

        Assert.Equal(ExitCodes.BadInput, code);
        // The error names the dataset's label in the experiment file (line 5), not a key of some generated pipeline.
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(file)}:5:\d+: data\.label: column 'taget' is not in the header of .*wine\.csv; did you mean 'target'\?", text);
    }

    [Fact]
    public void Report_RunFolder_RewritesReportAndRecomputesComparisonsForAnotherBaseline()
    {
        var folder = TestFiles.NewFolder();
        var output = Path.Combine(folder, "run");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("run", TestFiles.IrisSpec(folder), "--out", output, "--quiet").ExitCode);
        Assert.Equal("gbdt", ResultsJson.Read(Path.Combine(output, "results.json")).Statistics!.Baseline);
        File.Delete(Path.Combine(output, "report.md"));

        var (code, _) = CliRunner.Run("report", output, "--baseline", "linear");

        Assert.Equal(ExitCodes.Ok, code);
        var results = ResultsJson.Read(Path.Combine(output, "results.json"));
        Assert.Equal(("linear", "report.baseline"), (results.Statistics!.Baseline, results.Statistics.BaselineReason));
        Assert.All(results.Comparisons!, c => Assert.Equal(("gbdt", "linear"), (c.A, c.B)));
        Assert.Contains("**linear** (report.baseline)", File.ReadAllText(Path.Combine(output, "report.md")), StringComparison.Ordinal);

        var (badCode, badText) = CliRunner.Run("report", output, "--baseline", "linar");
        Assert.Equal(ExitCodes.BadInput, badCode);
        Assert.Contains("--baseline: no model is named 'linar'; did you mean 'linear'?", badText, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NotARunFolder_ExitsTwo()
    {
        var (missing, missingText) = CliRunner.Run("report", Path.Combine(TestFiles.NewFolder(), "nothing"));
        var (empty, emptyText) = CliRunner.Run("report", TestFiles.NewFolder());

        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (missing, empty));
        Assert.Contains("no such folder", missingText, StringComparison.Ordinal);
        Assert.Contains("no results.json or experiment.json", emptyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ImagePipeline_ChecksTheIdxHeaders()
    {
        var (code, text) = CliRunner.Run("validate", TestFiles.Pipeline("fashion-mnist-subset.yaml"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("2000 + 500 images of 1x28x28 (idx)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ImagesWhoseLabelsDoNotMatch_ExitsTwoNamingTheFiles()
    {
        var folder = TestFiles.NewFolder();
        File.WriteAllBytes(Path.Combine(folder, "images.idx"), Idx(3, [10, 28, 28], new byte[10 * 784]));
        File.WriteAllBytes(Path.Combine(folder, "labels.idx"), Idx(1, [5], new byte[5]));
        var spec = TestFiles.Write("images.yaml",
            "name: images\ndata:\n  kind: images\n  format: idx\n  train: {images: images.idx, labels: labels.idx}\nevaluation: {folds: 2}\nmodels: [lbfgs]\n", folder);

        var (code, text) = CliRunner.Run("run", spec, "--out", Path.Combine(folder, "run"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("images.idx and ", text, StringComparison.Ordinal);
        Assert.Contains("the images file holds 10 images but the labels file holds 5 labels", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    private static byte[] Idx(byte dimensions, int[] sizes, byte[] payload)
    {
        var bytes = new byte[4 + (4 * sizes.Length) + payload.Length];
        bytes[2] = 0x08;
        bytes[3] = dimensions;
        for (var d = 0; d < sizes.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * d)), sizes[d]);
        }

        payload.CopyTo(bytes, 4 + (4 * sizes.Length));
        return bytes;
    }
}
