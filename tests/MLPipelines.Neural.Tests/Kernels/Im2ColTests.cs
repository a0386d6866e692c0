using MLPipelines.Neural.Kernels;

namespace MLPipelines.Neural.Tests.Kernels;

public sealed class Im2ColTests
{
    public static TheoryData<ConvGeometry> Geometries => new()
    {
        new ConvGeometry(3, 7, 9, 3, 3, 1, 1, 1, 1),
        new ConvGeometry(2, 8, 8, 3, 2, 2, 2, 1, 0),
        new ConvGeometry(4, 5, 6, 5, 5, 1, 3, 2, 2),
        new ConvGeometry(1, 4, 4, 1, 1),
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Im2Col_ForwardThenGemm_EqualsDirectConvolution(ConvGeometry g)
    {
        // Given 5 filters and a bias, convolution as W * im2col(x) + bias (row-bias epilogue).
        const int filters = 5;
        var x = GemmReference.Random(g.InputSize, 1);
        var w = GemmReference.Random(filters * g.ColumnRows, 2);
        var bias = GemmReference.Random(filters, 3);
        var cols = new float[g.ColumnRows * g.ColumnCols];
        var y = new float[filters * g.ColumnCols];

        Im2Col.Forward(g, x, cols);
        Gemm.Multiply(false, false, filters, g.ColumnCols, g.ColumnRows, 1f, w, g.ColumnRows, cols, g.ColumnCols, 0f, y, g.ColumnCols, GemmEpilogue.RowBias(bias));

        var expected = DirectConvolution(g, x, w, bias, filters);
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(expected[i], y[i], tolerance: 1e-4);
        }
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Im2Col_Backward_IsAdjointOfForward(ConvGeometry g)
    {
        // <im2col(x), c> must equal <x, col2im(c)> for any x and c.
        var x = GemmReference.Random(g.InputSize, 4);
        var c = GemmReference.Random(g.ColumnRows * g.ColumnCols, 5);
        var cols = new float[c.Length];
        var back = Enumerable.Repeat(99f, g.InputSize).ToArray();

        Im2Col.Forward(g, x, cols);
        Im2Col.Backward(g, c, back);

        var left = cols.Zip(c, (p, q) => (double)p * q).Sum();
        var right = x.Zip(back, (p, q) => (double)p * q).Sum();
        Assert.Equal(left, right, tolerance: 1e-3);
    }

    [Fact]
    public void Im2Col_Forward_BatchSharesOneMatrixViaLeadingDimension()
    {
        // Given two images written side by side into one matrix of 2 * ColumnCols columns.
        var g = new ConvGeometry(2, 6, 5, 3, 3, 1, 1, 1, 1);
        var x0 = GemmReference.Random(g.InputSize, 6);
        var x1 = GemmReference.Random(g.InputSize, 7);
        var joint = new float[g.ColumnRows * 2 * g.ColumnCols];
        var single = new float[g.ColumnRows * g.ColumnCols];

        Im2Col.Forward(g, x0, joint, 2 * g.ColumnCols);
        Im2Col.Forward(g, x1, joint.AsSpan(g.ColumnCols), 2 * g.ColumnCols);

        Im2Col.Forward(g, x1, single);
        for (var r = 0; r < g.ColumnRows; r++)
        {
            Assert.Equal(single.AsSpan(r * g.ColumnCols, g.ColumnCols), joint.AsSpan((r * 2 * g.ColumnCols) + g.ColumnCols, g.ColumnCols));
        }

        var back = new float[g.InputSize];
        Im2Col.Backward(g, joint.AsSpan(g.ColumnCols), back, ldColumns: 2 * g.ColumnCols);
        var backSingle = new float[g.InputSize];
        Im2Col.Backward(g, single, backSingle);
        Assert.Equal(backSingle, back);
    }

    [Fact]
    public void Im2Col_Forward_RejectsKernelLargerThanPaddedInput()
    {
        var g = new ConvGeometry(1, 3, 3, 5, 5);

        var ex = Assert.Throws<ArgumentException>(() => Im2Col.Forward(g, new float[9], new float[100]));

        Assert.Contains("larger than the padded input", ex.Message, StringComparison.Ordinal);
    }

    private static float[] DirectConvolution(ConvGeometry g, float[] x, float[] w, float[] bias, int filters)
    {
        var y = new float[filters * g.OutHeight * g.OutWidth];
        for (var f = 0; f < filters; f++)
        {
            for (var oy = 0; oy < g.OutHeight; oy++)
            {
                for (var ox = 0; ox < g.OutWidth; ox++)
                {
                    double sum = bias[f];
                    for (var c = 0; c < g.Channels; c++)
                    {
                        for (var i = 0; i < g.KernelHeight; i++)
                        {
                            for (var j = 0; j < g.KernelWidth; j++)
                            {
                                int iy = (oy * g.StrideH) - g.PadH + i, ix = (ox * g.StrideW) - g.PadW + j;
                                if (iy >= 0 && iy < g.Height && ix >= 0 && ix < g.Width)
                                {
                                    sum += (double)x[(((c * g.Height) + iy) * g.Width) + ix] * w[(f * g.ColumnRows) + (((c * g.KernelHeight) + i) * g.KernelWidth) + j];
                                }
                            }
                        }
                    }

                    y[(f * g.OutHeight * g.OutWidth) + (oy * g.OutWidth) + ox] = (float)sum;
                }
            }
        }

        return y;
    }
}
