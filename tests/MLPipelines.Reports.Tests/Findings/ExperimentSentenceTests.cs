using MLPipelines.Reports.Findings;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Tests.Findings;

/// <summary>The experiment's one-sentence verdict on hand-made fold scores.</summary>
public sealed class ExperimentSentenceTests
{
    private static DatasetScores Dataset(string name, double a, double b) => new(name, ResamplingDesign.KFold(3),
    [
        new ModelScores("a", new Dictionary<string, IReadOnlyList<double>> { ["accuracy"] = [a, a + 0.01, a - 0.01] }),
        new ModelScores("b", new Dictionary<string, IReadOnlyList<double>> { ["accuracy"] = [b, b + 0.02, b - 0.01] }),
    ]);

    [Fact]
    public void ExperimentSentence_For_UnanimousRankingShowsTheChiSquarePBesideTheUnboundedF()
    {
        // Given three datasets that all rank a above b: χ²_F = N(k − 1) = 3, F_F unbounded, exact p = (2!)^(1 − 3) = 0.25, χ² p = 0.083.
        var analysis = ExperimentAnalysis.Run([Dataset("d1", 0.9, 0.8), Dataset("d2", 0.95, 0.7), Dataset("d3", 0.85, 0.84)], "accuracy", "b");

        var sentence = ExperimentSentence.For(analysis);

        Assert.Null(analysis.Friedman.ImanDavenportF);
        Assert.Equal("a has the best average rank on accuracy (1.00) over 3 datasets; the differences are not significant (every dataset ranks the models the same way, which happens by chance with p=0.25; Friedman χ² p=0.083).", sentence);
    }

    [Fact]
    public void ExperimentSentence_For_MixedRankingGivesTheImanDavenportP()
    {
        var analysis = ExperimentAnalysis.Run([Dataset("d1", 0.9, 0.8), Dataset("d2", 0.7, 0.95), Dataset("d3", 0.85, 0.84)], "accuracy", "b");

        var sentence = ExperimentSentence.For(analysis);

        Assert.Contains("the differences are not significant (Friedman, p=", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("p=<", sentence, StringComparison.Ordinal);
    }
}
