using MLPipelines.Spec;

namespace MLPipelines.Data.Images;

/// <summary>How <see cref="CsvPixelReader"/> reads a CSV file with one image per row.</summary>
public sealed class CsvPixelOptions
{
    /// <summary>Name of the label column (required). Every other column is a pixel.</summary>
    public required string Label { get; init; }

    /// <summary>
    /// Layout of the pixel columns, channel-planar <c>[C, H, W]</c> in column order (all of channel 0 row by row,
    /// then channel 1, ...). Null = one channel, square: the side is the square root of the pixel column count.
    /// </summary>
    public ImageShape? Shape { get; init; }

    /// <summary>Channels when <see cref="Shape"/> is null (the side of the square is then <c>sqrt(columns / channels)</c>). Default 1.</summary>
    public int Channels { get; init; } = 1;

    /// <summary>Largest pixel value; values are divided by it to lie in [0, 1] (e.g. 16 for the UCI digits). Default 255.</summary>
    public double PixelMax { get; init; } = 255;

    /// <summary>Field separator; null = detected from the header line (comma, tab or semicolon).</summary>
    public char? Separator { get; init; }

    /// <summary>The class list to map labels onto (a test set uses its training set's); null = the label values found, sorted.</summary>
    public IReadOnlyList<string>? Classes { get; init; }
}
