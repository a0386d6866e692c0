namespace MLPipelines.Neural.Kernels;

/// <summary>Out-of-place transpose of a row-major matrix, in 8 x 8 blocks where AVX is available.</summary>
internal static unsafe class MatrixTranspose
{
    /// <summary><c>dst[c * rows + r] = src[r * cols + c]</c>: a rows x cols matrix into a cols x rows one.</summary>
    public static void Run(ReadOnlySpan<float> src, int rows, int cols, Span<float> dst)
    {
        if (src.Length < rows * cols || dst.Length < rows * cols)
        {
            throw new ArgumentException($"Buffers too small for a {rows} x {cols} transpose.");
        }

        fixed (float* s = src)
        fixed (float* d = dst)
        {
            var blockedRows = Transpose8x8.IsSupported ? rows / 8 * 8 : 0;
            var blockedCols = Transpose8x8.IsSupported ? cols / 8 * 8 : 0;
            for (var r = 0; r < blockedRows; r += 8)
            {
                for (var c = 0; c < blockedCols; c += 8)
                {
                    Transpose8x8.Run(s + ((long)r * cols) + c, cols, d + ((long)c * rows) + r, rows);
                }
            }

            for (var r = 0; r < rows; r++)
            {
                // The blocks above covered columns [0, blockedCols) of rows [0, blockedRows).
                for (var c = r < blockedRows ? blockedCols : 0; c < cols; c++)
                {
                    d[((long)c * rows) + r] = s[((long)r * cols) + c];
                }
            }
        }
    }
}
