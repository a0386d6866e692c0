using MLPipelines.Neural.Kernels;

namespace MLPipelines.Neural.Tests.Kernels;

public sealed class MatrixTransposeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    [InlineData(17, 9)]
    [InlineData(32, 288)]
    [InlineData(5, 40)]
    public void MatrixTranspose_Run_SwapsRowsAndColumns(int rows, int cols)
    {
        // Given a matrix whose every element encodes its position
        var src = new float[rows * cols];
        for (var i = 0; i < src.Length; i++)
        {
            src[i] = i;
        }

        // When it is transposed
        var dst = new float[rows * cols];
        MatrixTranspose.Run(src, rows, cols, dst);

        // Then element (r, c) moved to (c, r)
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                Assert.Equal(src[(r * cols) + c], dst[(c * rows) + r]);
            }
        }
    }

    [Fact]
    public void MatrixTranspose_Run_RejectsShortBuffers() =>
        Assert.Throws<ArgumentException>(() => MatrixTranspose.Run(new float[6], 2, 4, new float[8]));
}
