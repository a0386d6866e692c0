using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class ScoreMatrixTests
{
    [Fact]
    public void ScoreMatrix_Constructor_RejectsNonFiniteCellNamingModelAndDataset()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ScoreMatrix(["mlp", "lightgbm"], ["iris", "wine"], [[0.9, 0.8], [double.NaN, 0.7]]));

        Assert.Contains("'mlp'", error.Message);
        Assert.Contains("'wine'", error.Message);
    }

    [Fact]
    public void ScoreMatrix_Constructor_RejectsRaggedRowsAndDuplicates()
    {
        Assert.Throws<ArgumentException>(() => new ScoreMatrix(["a", "b"], ["d1", "d2"], [[1, 2], [1]]));
        Assert.Throws<ArgumentException>(() => new ScoreMatrix(["a", "a"], ["d1", "d2"], [[1, 2], [1, 2]]));
        Assert.Throws<ArgumentException>(() => new ScoreMatrix(["a", "b"], ["d1"], [[1, 2]]));
    }

    [Fact]
    public void ScoreMatrix_Indexer_ReadsDatasetThenModel()
    {
        var matrix = new ScoreMatrix(["a", "b"], ["d1", "d2"], [[1, 2], [3, 4]]);

        Assert.Equal(3, matrix[1, 0]);
        Assert.Equal([3.0, 4], matrix.Row(1).ToArray());
    }
}
