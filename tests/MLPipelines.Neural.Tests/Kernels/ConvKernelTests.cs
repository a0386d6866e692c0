using MLPipelines.Neural.Kernels;

namespace MLPipelines.Neural.Tests.Kernels;

public sealed class ConvKernelTests
{
    public static TheoryData<ConvGeometry> Geometries => new()
    {
        new ConvGeometry(3, 7, 9, 3, 3, 1, 1, 1, 1),
        new ConvGeometry(2, 28, 28, 3, 3, 1, 1, 1, 1),
        new ConvGeometry(2, 20, 37, 5, 5, 1, 1, 2, 2),
        new ConvGeometry(1, 6, 5, 2, 3, 1, 1, 0, 1),
        new ConvGeometry(2, 8, 8, 3, 3, 2, 2, 1, 1),
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ConvColumns_Forward_EqualsIm2Col(ConvGeometry g)
    {
        var x = GemmReference.Random(g.InputSize, 1);
        var expected = new float[g.ColumnRows * g.ColumnCols];
        var actual = new float[expected.Length];
        actual.AsSpan().Fill(float.NaN); // every entry must be written

        Im2Col.Forward(g, x, expected);
        ConvColumns.Forward(g, x, actual);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ConvColumns_Backward_EqualsCol2ImBitForBit(ConvGeometry g)
    {
        var cols = GemmReference.Random(g.ColumnRows * g.ColumnCols, 2);
        var expected = new float[g.InputSize];
        var actual = new float[g.InputSize];
        actual.AsSpan().Fill(float.NaN); // overwritten, not accumulated

        Im2Col.Backward(g, cols, expected);
        ConvColumns.Backward(g, cols, actual);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(32, 9, 784, false)]
    [InlineData(5, 3, 17, true)]
    [InlineData(3, 16, 40, false)]
    public void ConvWeightGradient_Compute_MatchesReference(int filters, int rows, int p, bool accumulate)
    {
        var dy = GemmReference.Random(filters * p, 3);
        var cols = GemmReference.Random(rows * p, 4);
        var dw = GemmReference.Random(filters * rows, 5);
        var expected = new double[dw.Length];
        for (var f = 0; f < filters; f++)
        {
            for (var r = 0; r < rows; r++)
            {
                double sum = accumulate ? dw[(f * rows) + r] : 0;
                for (var k = 0; k < p; k++)
                {
                    sum += (double)dy[(f * p) + k] * cols[(r * p) + k];
                }

                expected[(f * rows) + r] = sum;
            }
        }

        ConvWeightGradient.Compute(dy, cols, dw, filters, rows, p, accumulate);

        for (var i = 0; i < dw.Length; i++)
        {
            Assert.Equal(expected[i], dw[i], 1e-3);
        }
    }

    [Theory]
    [InlineData(3, 28, 28)]
    [InlineData(2, 7, 7)]
    [InlineData(1, 5, 40)]
    public void PoolKernels_MaxForward2x2_VectorEqualsScalar(int channels, int h, int w)
    {
        // Values on a coarse grid so ties occur and the tie rule is compared too.
        var g = new ConvGeometry(channels, h, w, 2, 2, 2, 2);
        var r = new Random(6);
        var x = Enumerable.Range(0, g.InputSize).Select(_ => (float)r.Next(5)).ToArray();
        var outSize = channels * g.OutHeight * g.OutWidth;
        var (y1, a1) = (new float[outSize], new int[outSize]);
        var (y2, a2) = (new float[outSize], new int[outSize]);

        PoolKernels.MaxForward2x2(g, x, y1, a1);
        PoolKernels.MaxForward(g, x, y2, a2);

        Assert.Equal(y1, y2);
        Assert.Equal(a1, a2);
    }
}
