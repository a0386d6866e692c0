namespace MLPipelines.Spec;

/// <summary>
/// The shape of one image as models see it: <see cref="Channels"/> planes of <see cref="Height"/> x
/// <see cref="Width"/> pixels. A flattened image (the <c>Features</c> vector) is laid out channel-major,
/// <c>[C, H, W]</c>: the value of channel c at row y, column x is at index <c>(c * H + y) * W + x</c>.
/// </summary>
/// <param name="Channels">1 (grayscale) or 3 (red, green, blue).</param>
/// <param name="Height">Rows of pixels, &gt;= 1.</param>
/// <param name="Width">Columns of pixels, &gt;= 1.</param>
public sealed record ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Pixel values per image: <c>C * H * W</c> (the length of the <c>Features</c> vector).</summary>
    public int Size => checked(Channels * Height * Width);

    /// <summary>Index of channel <paramref name="channel"/>, row <paramref name="y"/>, column <paramref name="x"/> in a flattened image.</summary>
    public int IndexOf(int channel, int y, int x) => ((channel * Height) + y) * Width + x;

    /// <summary><c>CxHxW</c>, e.g. <c>1x28x28</c>.</summary>
    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
