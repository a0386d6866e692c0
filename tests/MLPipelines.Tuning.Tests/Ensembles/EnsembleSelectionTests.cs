using MLPipelines.Tuning.Ensembles;

namespace MLPipelines.Tuning.Tests.Ensembles;

public sealed class EnsembleSelectionTests
{
    private static readonly float[] Truth = [1, 2, 3, 4];

    [Fact]
    public void EnsembleSelection_Select_AveragesModelsWhoseErrorsCancel()
    {
        // Given two models off by +1 and -1 on every row and a worse one, when selected by squared error,
        // then the ensemble is the two with weight 1/2 each and a squared error of 0.
        var library = new[] { Set(2, 3, 4, 5), Set(0, 1, 2, 3), Set(4, 4, 4, 4) };

        var result = EnsembleSelection.Select(library, Mse, higherIsBetter: false, size: 10);

        Assert.Equal([0, 1], result.Members);
        Assert.Equal([0.5, 0.5], result.Weights);
        Assert.Equal(0, result.Score, 12);
        Assert.Equal(2, result.Rounds);
    }

    [Fact]
    public void EnsembleSelection_Select_RepeatsAModelToWeightIt()
    {
        // Given errors +3 and -1, the best blend is 1/4 and 3/4: reachable only by choosing the second model three times.
        var library = new[] { Set(4, 5, 6, 7), Set(0, 1, 2, 3) };

        var result = EnsembleSelection.Select(library, Mse, higherIsBetter: false, size: 8);

        Assert.Equal([1, 0], result.Members);
        Assert.Equal([0.75, 0.25], result.Weights);
        Assert.Equal(0, result.Score, 12);
    }

    [Fact]
    public void EnsembleSelection_Select_KeepsTheBestRoundNotTheLast()
    {
        // Given one perfect model, every later addition can only tie it: the first round is kept.
        var library = new[] { Set(5, 5, 5, 5), Set(1, 2, 3, 4) };

        var result = EnsembleSelection.Select(library, Mse, higherIsBetter: false, size: 5);

        Assert.Equal([1], result.Members);
        Assert.Equal([1.0], result.Weights);
        Assert.Equal(5, result.Trajectory.Count);
        Assert.Equal(1, result.Rounds);
    }

    [Fact]
    public void EnsembleSelection_Select_TiesGoToTheLowerIndex()
    {
        var library = new[] { Set(1, 2, 3, 4), Set(1, 2, 3, 4) };

        var result = EnsembleSelection.Select(library, Mse, higherIsBetter: false, size: 3);

        Assert.Equal([0], result.Members);
    }

    [Fact]
    public void EnsembleSelection_Select_SkipsCandidatesThatScoreNaN()
    {
        var library = new[] { Set(9, 9, 9, 9), Set(1, 2, 3, 5) };

        var result = EnsembleSelection.Select(library, p => p.Values[0] > 5 ? double.NaN : Mse(p), higherIsBetter: false, size: 1);

        Assert.Equal([1], result.Members);
    }

    [Fact]
    public void EnsembleSelection_Select_HigherIsBetterMaximizesAccuracyOfClassProbabilities()
    {
        // Two 2-class models each right on a different half; their average is right where either is confident.
        var labels = new[] { 0, 0, 1, 1 };
        var a = new PredictionSet([0.9f, 0.1f, 0.6f, 0.4f, 0.4f, 0.6f, 0.6f, 0.4f], 2);
        var b = new PredictionSet([0.4f, 0.6f, 0.9f, 0.1f, 0.1f, 0.9f, 0.3f, 0.7f], 2);
        double Accuracy(PredictionSet p) =>
            labels.Select((y, i) => (p.Values[(2 * i) + y] > p.Values[(2 * i) + 1 - y]) ? 1.0 : 0.0).Average();

        var result = EnsembleSelection.Select([a, b], Accuracy, higherIsBetter: true, size: 5);

        Assert.Equal(0.75, Accuracy(a));
        Assert.Equal(0.75, Accuracy(b));
        Assert.Equal(1.0, result.Score);
        Assert.Equal([0, 1], result.Members);
    }

    [Fact]
    public void PredictionSet_Blend_IsTheWeightedAverage()
    {
        var blended = PredictionSet.Blend([Set(0, 4), Set(4, 8)], [3, 1]);

        Assert.Equal([1f, 5f], blended.Values);
        Assert.Throws<ArgumentException>(() => PredictionSet.Blend([Set(0, 4), Set(4)], [1, 1]));
        Assert.Throws<ArgumentException>(() => PredictionSet.Blend([Set(0, 4)], [0]));
        Assert.Throws<ArgumentException>(() => new PredictionSet([1, 2, 3], 2));
    }

    private static PredictionSet Set(params float[] values) => new(values, 1);

    private static double Mse(PredictionSet p) => p.Values.Select((v, i) => (v - Truth[i]) * (double)(v - Truth[i])).Average();
}
