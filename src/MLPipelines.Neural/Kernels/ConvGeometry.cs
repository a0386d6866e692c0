namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Shape of a 2-D convolution over one image in CHW layout (channels x height x width, row-major), and the
/// size of its im2col matrix. Output size per axis: <c>out = (in + 2 * pad - kernel) / stride + 1</c>.
/// </summary>
/// <param name="Channels">Input channels C.</param>
/// <param name="Height">Input height H.</param>
/// <param name="Width">Input width W.</param>
/// <param name="KernelHeight">Kernel height kh.</param>
/// <param name="KernelWidth">Kernel width kw.</param>
/// <param name="StrideH">Vertical stride.</param>
/// <param name="StrideW">Horizontal stride.</param>
/// <param name="PadH">Zero padding above and below.</param>
/// <param name="PadW">Zero padding left and right.</param>
public readonly record struct ConvGeometry(
    int Channels, int Height, int Width, int KernelHeight, int KernelWidth,
    int StrideH = 1, int StrideW = 1, int PadH = 0, int PadW = 0)
{
    /// <summary>Output height: <c>(H + 2 padH - kh) / strideH + 1</c>.</summary>
    public int OutHeight => ((Height + (2 * PadH) - KernelHeight) / StrideH) + 1;

    /// <summary>Output width: <c>(W + 2 padW - kw) / strideW + 1</c>.</summary>
    public int OutWidth => ((Width + (2 * PadW) - KernelWidth) / StrideW) + 1;

    /// <summary>Rows of the im2col matrix: <c>C * kh * kw</c> (one per weight of a filter).</summary>
    public int ColumnRows => Channels * KernelHeight * KernelWidth;

    /// <summary>Columns of the im2col matrix: <c>outH * outW</c> (one per output pixel).</summary>
    public int ColumnCols => OutHeight * OutWidth;

    /// <summary>Floats in one input image: <c>C * H * W</c>.</summary>
    public int InputSize => Channels * Height * Width;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first impossible dimension.</summary>
    public void Validate()
    {
        Positive(Channels, nameof(Channels));
        Positive(Height, nameof(Height));
        Positive(Width, nameof(Width));
        Positive(KernelHeight, nameof(KernelHeight));
        Positive(KernelWidth, nameof(KernelWidth));
        Positive(StrideH, nameof(StrideH));
        Positive(StrideW, nameof(StrideW));
        if (PadH < 0 || PadW < 0)
        {
            throw new ArgumentException($"Padding must be non-negative, got PadH={PadH}, PadW={PadW}.");
        }

        if (Height + (2 * PadH) < KernelHeight || Width + (2 * PadW) < KernelWidth)
        {
            throw new ArgumentException(
                $"Kernel {KernelHeight}x{KernelWidth} is larger than the padded input {Height + (2 * PadH)}x{Width + (2 * PadW)}.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"{name} must be positive, got {value}.");
        }
    }
}
