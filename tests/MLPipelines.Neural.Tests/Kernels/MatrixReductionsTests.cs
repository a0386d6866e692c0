using MLPipelines.Neural.Kernels;

namespace MLPipelines.Neural.Tests.Kernels;

public sealed class MatrixReductionsTests
{
    [Fact]
    public void MatrixReductions_SumColumns_SumsEachColumnOverRows()
    {
        // 3 x 2 inside a leading dimension of 3 (third column is padding and must be ignored).
        float[] x = [1, 2, 100, 3, 4, 100, 5, 6, 100];
        var sums = new float[2];

        MatrixReductions.SumColumns(x, rows: 3, cols: 2, ld: 3, sums);

        Assert.Equal(new float[] { 9, 12 }, sums);
    }

    [Fact]
    public void MatrixReductions_SumColumns_AccumulatesWhenAsked()
    {
        var x = GemmReference.Random(37 * 70, 1);
        var sums = Enumerable.Repeat(1f, 70).ToArray();

        MatrixReductions.SumColumns(x, 37, 70, 70, sums, accumulate: true);

        for (var j = 0; j < 70; j++)
        {
            var expected = 1.0 + Enumerable.Range(0, 37).Sum(i => (double)x[(i * 70) + j]);
            Assert.Equal(expected, sums[j], 4);
        }
    }

    [Fact]
    public void MatrixReductions_SumRows_SumsEachRow()
    {
        float[] x = [1, 2, 100, 3, 4, 100];
        var sums = new float[] { 10, 10 };

        MatrixReductions.SumRows(x, rows: 2, cols: 2, ld: 3, sums, accumulate: true);

        Assert.Equal(new float[] { 13, 17 }, sums);
    }

    [Fact]
    public void MatrixReductions_SumColumns_RejectsShortOutput()
    {
        var ex = Assert.Throws<ArgumentException>(() => MatrixReductions.SumColumns(new float[6], 2, 3, 3, new float[2]));

        Assert.Equal("sums", ex.ParamName);
    }
}
