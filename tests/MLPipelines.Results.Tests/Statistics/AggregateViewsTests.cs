using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class AggregateViewsTests
{
    // Six datasets, four models (a tie between b and c on the fourth dataset, b and d level overall).
    private static readonly ScoreMatrix Mixed = new(
        ["a", "b", "c", "d"],
        ["d1", "d2", "d3", "d4", "d5", "d6"],
        [[0.80, 0.82, 0.79, 0.81], [0.90, 0.88, 0.91, 0.90], [0.70, 0.75, 0.72, 0.71], [0.60, 0.61, 0.61, 0.58], [0.95, 0.93, 0.94, 0.96], [0.85, 0.86, 0.84, 0.87]]);

    [Fact]
    public void EloRatings_Compute_MatchesScipyAndScikitLearn()
    {
        // Reference: bench/stats/elo_reference.py (scipy 1.10 and scikit-learn 1.2 agree to 1e-4 Elo).
        var elo = EloRatings.Compute(Mixed, MetricDirection.HigherIsBetter, "a", rounds: 50, seed: 1).ToDictionary(e => e.Model);

        Assert.Equal(1000, elo["a"].Elo, 9);
        Assert.Equal(1119.4754071317984, elo["b"].Elo, 4);
        Assert.Equal(1060.1667569160127, elo["c"].Elo, 4);
        Assert.Equal(1119.4754071317984, elo["d"].Elo, 4);
    }

    [Fact]
    public void EloRatings_Compute_AModelThatWinsEverywhereStaysFinite()
    {
        // Given a separable field, the ridge keeps the rating finite (reference: Newton in numpy on the same objective).
        var scores = new ScoreMatrix(["x", "y", "z"], ["d1", "d2", "d3"], [[0.9, 0.8, 0.7], [0.95, 0.85, 0.9], [0.7, 0.6, 0.65]]);

        var elo = EloRatings.Compute(scores, MetricDirection.HigherIsBetter, "z", rounds: 20).ToDictionary(e => e.Model);

        Assert.Equal(3550.71431007, elo["x"].Elo, 0.01);
        Assert.Equal(879.58810084, elo["y"].Elo, 0.01);
        Assert.Equal(1000, elo["z"].Elo, 9);
    }

    [Fact]
    public void EloRatings_Compute_IntervalsHoldTheEstimateAndTheReferenceIsFixed()
    {
        var elo = EloRatings.Compute(Mixed, MetricDirection.HigherIsBetter, "c", rounds: 200, seed: 3);

        Assert.All(elo, e => Assert.InRange(e.Elo, e.Low - 1e-9, e.High + 1e-9));
        var reference = Assert.Single(elo, e => e.Model == "c");
        Assert.Equal((1000.0, 1000.0, 1000.0), (Math.Round(reference.Elo, 9), Math.Round(reference.Low, 9), Math.Round(reference.High, 9)));
        Assert.Contains(elo, e => e.High - e.Low > 10);
        Assert.Equal(elo.Select(e => e.Elo), elo.Select(e => e.Elo).OrderDescending());
    }

    [Fact]
    public void EloRatings_Compute_LowerIsBetterOnNegatedScoresGivesTheSameRatings()
    {
        var negated = new ScoreMatrix(Mixed.Models, Mixed.Datasets, [.. Enumerable.Range(0, 6).Select(d => (IReadOnlyList<double>)[.. Mixed.Row(d).ToArray().Select(v => -v)])]);

        var higher = EloRatings.Compute(Mixed, MetricDirection.HigherIsBetter, "a", rounds: 10).ToDictionary(e => e.Model, e => e.Elo);
        var lower = EloRatings.Compute(negated, MetricDirection.LowerIsBetter, "a", rounds: 10).ToDictionary(e => e.Model, e => e.Elo);

        Assert.All(Mixed.Models, m => Assert.Equal(higher[m], lower[m], 9));
    }

    [Fact]
    public void EloRatings_Compute_RejectsAnUnknownReference()
    {
        var error = Assert.Throws<ArgumentException>(() => EloRatings.Compute(Mixed, MetricDirection.HigherIsBetter, "e"));

        Assert.Contains("'e'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizedScores_PerDataset_BestIsOneReferenceZeroClippedBetween()
    {
        // d1: best b = 0.82, reference a = 0.80 -> c (0.79) clips to 0, d (0.81) is halfway.
        var normalized = NormalizedScores.PerDataset(Mixed, MetricDirection.HigherIsBetter, "a");

        Assert.Equal([0.0, 1, 0, 0.5], normalized[0].Select(v => Math.Round(v, 12)));

        // d2: the reference is not best (c 0.91 is); a 0.90 -> 0, d 0.90 -> 0, b clipped to 0.
        Assert.Equal([0.0, 0, 1, 0], normalized[1].Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void NormalizedScores_PerDataset_ReferenceBestGivesOneOnlyToTies()
    {
        var scores = new ScoreMatrix(["r", "s", "t"], ["d1", "d2"], [[0.3, 0.3, 0.5], [0.2, 0.4, 0.9]]);

        var normalized = NormalizedScores.PerDataset(scores, MetricDirection.LowerIsBetter, "r");

        Assert.Equal([1.0, 1, 0], normalized[0]);
        Assert.Equal([1.0, 0, 0], normalized[1]);
        Assert.Equal([1.0, 0.5, 0], NormalizedScores.Mean(scores, MetricDirection.LowerIsBetter, "r"));
    }

    [Fact]
    public void WinRates_Compute_CountsTiesAsHalf()
    {
        var scores = new ScoreMatrix(["a", "b", "c"], ["d1", "d2"], [[1, 2, 3], [3, 3, 1]]);

        // d1: c beats both, b beats a. d2: a ties b, both beat c. Battles per model: 2 datasets x 2 opponents.
        Assert.Equal([1.5 / 4, 2.5 / 4, 2.0 / 4], WinRates.Compute(scores, MetricDirection.HigherIsBetter));
    }

    [Fact]
    public void AggregateViews_Compute_ListsEveryViewInModelOrder()
    {
        var views = AggregateViews.Compute(Mixed, MetricDirection.HigherIsBetter, "a", rounds: 20, seed: 5);

        Assert.Equal(Mixed.Models, views.Elo.Select(e => e.Model));
        Assert.Equal(4, views.NormalizedScore.Count);
        Assert.Equal(2.0, views.WinRate.Sum(), 12);
        Assert.Equal(("a", 20, 5), (views.Reference, views.BootstrapRounds, views.Seed));
    }
}
