using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Tests.Fixtures;

namespace MLPipelines.Reports.Tests.Findings;

public sealed class SummarySentenceTests
{
    [Fact]
    public void SummarySentence_For_ConsistentLeadIsSignificantInPoints()
    {
        // Given b ahead on every fold by about 4 points, with little spread.
        var results = ResultsBuilder.Run("accuracy",
            ResultsBuilder.Model("a", "accuracy", [0.80, 0.81, 0.79, 0.80, 0.82]),
            ResultsBuilder.Model("b", "accuracy", [0.84, 0.85, 0.84, 0.83, 0.86], family: "neural"));

        var sentence = RunFindings.From(results).Summary;

        Assert.Matches(@"^b is best on accuracy \(0\.8440\), 4\.0 points ahead of a, difference significant \(p=0\.0\d+\)\.$", sentence);
    }

    [Fact]
    public void SummarySentence_For_NoisyLeadIsNotSignificant()
    {
        var results = ResultsBuilder.Run("accuracy",
            ResultsBuilder.Model("lightgbm", "accuracy", [0.90, 0.95, 0.88, 0.97, 0.92]),
            ResultsBuilder.Model("mlp", "accuracy", [0.93, 0.89, 0.92, 0.91, 0.93], family: "neural"));

        var sentence = RunFindings.From(results).Summary;

        Assert.Matches(@"^lightgbm is best on accuracy \(0\.9240\), 0\.8 points ahead of mlp, difference not significant \(p=0\.\d+\)\.$", sentence);
    }

    [Fact]
    public void SummarySentence_For_LowerIsBetterMetricRanksTheSmallestErrorFirst()
    {
        var results = ResultsBuilder.Run("rmse",
            ResultsBuilder.Model("big", "rmse", [1.30, 1.32, 1.28, 1.31, 1.29]),
            ResultsBuilder.Model("small", "rmse", [1.20, 1.22, 1.19, 1.21, 1.18]));

        var findings = RunFindings.From(results);

        Assert.Equal("small", findings.Ranked[0].Name);
        Assert.StartsWith("small is best on rmse (1.2000), 0.1000 lower than big, difference significant (p", findings.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void SummarySentence_For_EqualMeansAreATie()
    {
        var results = ResultsBuilder.Run("accuracy",
            ResultsBuilder.Model("a", "accuracy", [0.9, 0.8, 0.85]),
            ResultsBuilder.Model("b", "accuracy", [0.8, 0.9, 0.85]),
            ResultsBuilder.Model("c", "accuracy", [0.7, 0.7, 0.7]));

        Assert.Equal("a and b tie for best on accuracy (0.8500): no model is ahead.", RunFindings.From(results).Summary);
    }

    [Fact]
    public void SummarySentence_For_SingleModelHasNothingToCompare()
    {
        var results = ResultsBuilder.Run("accuracy", ResultsBuilder.Model("solo", "accuracy", [0.9, 0.8, 0.85, 0.9, 0.8]));

        var sentence = RunFindings.From(results).Summary;

        Assert.StartsWith("solo is the only model: accuracy 0.8500 (95% interval ", sentence, StringComparison.Ordinal);
        Assert.EndsWith("; there is nothing to compare it with.", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void SummarySentence_For_SingleSplitSaysThereIsNoTest()
    {
        var results = ResultsBuilder.Run("accuracy",
            ResultsBuilder.Model("a", "accuracy", [0.91]),
            ResultsBuilder.Model("b", "accuracy", [0.87]));

        var findings = RunFindings.From(results);

        Assert.False(findings.Testable);
        Assert.Equal("a is best on accuracy (0.9100), 4.0 points ahead of b, no significance test with a single split.", findings.Summary);
        Assert.Null(SummarySentence.BaselineNote(findings));
    }

    [Fact]
    public void SummarySentence_SpeedNote_NamesAFasterRunnerUpThatIsNotWorse()
    {
        var results = ResultsBuilder.Run("accuracy",
            ResultsBuilder.Model("slow", "accuracy", [0.90, 0.95, 0.88, 0.97, 0.92], fitSeconds: 10),
            ResultsBuilder.Model("fast", "accuracy", [0.93, 0.89, 0.92, 0.91, 0.93], family: "linear", fitSeconds: 0.5));

        var note = SummarySentence.SpeedNote(RunFindings.From(results));

        Assert.Equal("fast is not significantly worse and fits 20x faster (0.50 s vs 10.0 s per split).", note);
    }

    [Fact]
    public void RunFindings_From_MarksModelsAgainstTheBoostedTreeBaselineInTheMetricsDirection()
    {
        var results = ResultsBuilder.Run("rmse",
            ResultsBuilder.Model("gbdt", "rmse", [1.00, 1.02, 0.99, 1.01, 1.00]),
            ResultsBuilder.Model("worse", "rmse", [1.20, 1.22, 1.19, 1.21, 1.18], family: "linear"),
            ResultsBuilder.Model("better", "rmse", [0.80, 0.82, 0.79, 0.81, 0.80], family: "neural"),
            ResultsBuilder.Model("same", "rmse", [1.05, 0.95, 1.03, 0.97, 1.02], family: "neural"));

        var findings = RunFindings.From(results);

        Assert.Equal("gbdt", findings.Baseline);
        Assert.Equal("best boosted-tree model", findings.BaselineReason);
        Assert.Equal("*", findings.SummaryOf("worse", "rmse")!.Mark);
        Assert.Equal("v", findings.SummaryOf("better", "rmse")!.Mark);
        Assert.Equal("", findings.SummaryOf("same", "rmse")!.Mark);
        Assert.Equal("", findings.SummaryOf("gbdt", "rmse")!.Mark);
        Assert.StartsWith("Against the baseline gbdt (best boosted-tree model) on rmse: 1 model(s) significantly better, 1 not significantly different, 1 significantly worse", SummarySentence.BaselineNote(findings), StringComparison.Ordinal);
    }

    [Fact]
    public void RunFindings_From_RequestedBaselineWinsAndIntervalsStayInRange()
    {
        var results = ResultsBuilder.Run("accuracy",
            ResultsBuilder.Model("gbdt", "accuracy", [0.99, 1.0, 0.98, 1.0, 1.0]),
            ResultsBuilder.Model("linear", "accuracy", [0.9, 0.92, 0.91, 0.9, 0.93], family: "linear"));

        var findings = RunFindings.From(results, requestedBaseline: "linear");

        Assert.Equal("linear", findings.Baseline);
        Assert.Equal("report.baseline", findings.BaselineReason);
        var summary = findings.SummaryOf("gbdt", "accuracy")!;
        Assert.True(summary.High <= 1.0, $"interval upper end {summary.High}");
        Assert.True(summary.Low < summary.Mean);
    }
}
