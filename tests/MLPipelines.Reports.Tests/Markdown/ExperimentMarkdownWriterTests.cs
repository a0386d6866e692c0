using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Markdown;
using MLPipelines.Results;
using MLPipelines.Results.Experiments;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Tests.Markdown;

public sealed class ExperimentMarkdownWriterTests
{
    /// <summary>Three models on four datasets, five folds each; "good" beats "bad|model" on every fold of every dataset.</summary>
    private static ExperimentResults Results()
    {
        string[] models = ["base", "good", "bad|model"];
        var datasets = new List<DatasetScores>();
        for (var d = 0; d < 4; d++)
        {
            var offsets = new[] { 0.0, 0.05, -0.2 };
            datasets.Add(new DatasetScores($"d{d}", ResamplingDesign.KFold(5), [.. models.Select((m, k) => new ModelScores(m,
                new Dictionary<string, IReadOnlyList<double>> { ["accuracy"] = [.. Enumerable.Range(0, 5).Select(f => 0.7 + offsets[k] + (0.01 * ((f + d) % 3)))] }))]));
        }

        return new ExperimentResults
        {
            Name = "bench",
            Metric = "accuracy",
            Baseline = "base",
            Evaluation = new EvaluationResult { Method = "kfold", Folds = 5, Repeats = 1, Seed = 1 },
            Models = [.. models.Select(m => new ExperimentModel { Name = m, Trainer = "t" })],
            Datasets = [.. datasets.Select(d => new ExperimentDataset { Name = d.Dataset, RunDirectory = $"runs/{d.Dataset}", Task = "binary", Rows = 100 })],
            Analysis = ExperimentAnalysis.Run(datasets, "accuracy", "base"),
            CdDiagramFile = "cd.svg",
        };
    }

    [Fact]
    public void ExperimentMarkdownWriter_Render_ShowsMarksRanksAndTests()
    {
        var text = ExperimentMarkdownWriter.Render(Results());

        Assert.Contains("| dataset | base (baseline) | good | bad\\|model |", text, StringComparison.Ordinal);
        Assert.Contains("| d0 | 0.7080 | 0.7580 v | 0.5080 * |", text, StringComparison.Ordinal);
        Assert.Contains("| **average rank** | 2.00 | 1.00 | 3.00 |", text, StringComparison.Ordinal);
        Assert.Contains("| (v/ /*) vs baseline | - | (4/0/0) | (0/0/4) |", text, StringComparison.Ordinal);
        Assert.Contains("**good** has the best average rank (1.00).", text, StringComparison.Ordinal);
        Assert.Contains("Nemenyi critical difference CD = ", text, StringComparison.Ordinal);
        Assert.Contains("![Critical-difference diagram](cd.svg)", text, StringComparison.Ordinal);
        Assert.Contains("[runs/d2](runs/d2/report.md)", text, StringComparison.Ordinal);
        Assert.Contains("| base (reference) | 1000 | [1000, 1000] | 0.000 | 0.500 |", text, StringComparison.Ordinal);
        Assert.Matches(@"\| good \| \d+ \| \[\d+, \d+\] \| 1\.000 \| 1\.000 \|", text);
    }

    [Fact]
    public void ExperimentWriters_Write_CreateExperimentMdAndCdSvg()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mlpipe-report-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var results = Results();

        new ExperimentMarkdownWriter().Write(results, folder);
        new CriticalDifferenceSvgWriter().Write(results, folder);

        Assert.StartsWith("# bench", File.ReadAllText(Path.Combine(folder, "experiment.md")), StringComparison.Ordinal);
        var svg = File.ReadAllText(Path.Combine(folder, "cd.svg"));
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("bad|model", svg, StringComparison.Ordinal);
    }
}
