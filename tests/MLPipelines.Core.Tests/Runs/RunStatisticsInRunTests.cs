using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Core.Tests.Runs;

/// <summary>Every run fills intervals, the baseline and the comparisons with the statistics module's own numbers.</summary>
public sealed class RunStatisticsInRunTests
{
    private static readonly Lazy<RunResults> Iris = new(() => Run(allPairs: false));

    [Fact]
    public void PipelineRunner_Run_ComparesEveryModelWithTheBoostedTreeBaselineOnEveryMetric()
    {
        var results = Iris.Value;

        Assert.Equal("trees", results.Statistics!.Baseline);
        Assert.Equal(RunStatistics.BaselineOf(results), results.Statistics.Baseline);
        Assert.Equal("best boosted-tree model on accuracy", results.Statistics.BaselineReason);
        Assert.Equal(["accuracy", "macro_accuracy", "log_loss"], results.Statistics.Metrics);
        var expected = RunStatistics.Compare(results, "trees");
        Assert.Equal(expected.OrderBy(c => c.Metric).ThenBy(c => c.A), results.Comparisons!.OrderBy(c => c.Metric).ThenBy(c => c.A));
        Assert.Equal("accuracy", results.Comparisons![0].Metric);
        Assert.All(results.Comparisons, c => Assert.Equal("trees", c.B));
        Assert.Equal((3, 0.5), (results.Statistics.Runs, Math.Round(results.Statistics.TestTrainRatio, 2)));
    }

    [Fact]
    public void PipelineRunner_Run_IntervalsAreTheCorrectedIntervalsOfRunStatistics()
    {
        var results = Iris.Value;
        var summaries = RunStatistics.Summaries(results);

        foreach (var model in results.Models)
        {
            foreach (var (metric, summary) in model.Metrics)
            {
                Assert.Equal(summaries[model.Name][metric].Lower, summary.CiLow);
                Assert.Equal(summaries[model.Name][metric].Upper, summary.CiHigh);
                Assert.True(summary.CiLow <= summary.Mean && summary.Mean <= summary.CiHigh, $"{model.Name} {metric}");
            }
        }
    }

    [Fact]
    public void PipelineRunner_Run_AllPairsTestsEveryPairWithHolm()
    {
        var results = Run(allPairs: true);

        Assert.True(results.Statistics!.AllPairs);
        Assert.Equal(9, results.Comparisons!.Count);
        Assert.All(results.Comparisons, c => Assert.NotNull(c.PValueHolm));
        Assert.Equal(RunStatistics.Compare(results, allPairs: true).Count, results.Comparisons.Count);
    }

    private static RunResults Run(bool allPairs)
    {
        var spec = TestSpecs.Create(TestPaths.Dataset("iris.csv"), "target", ("linear", "lbfgs"), ("sdca", "sdca"), ("trees", "fasttree"));
        spec.Models[2].Options["trees"] = 10L;
        spec.Report.AllPairs = allPairs;
        spec.Report.FeatureImportance = false;
        return new PipelineRunner(BuiltinTrainers.CreateRegistry())
            .Run(spec, new RunOptions { OutputDirectory = Path.Combine(TestPaths.NewTempFolder(), "run") }).Results;
    }
}
