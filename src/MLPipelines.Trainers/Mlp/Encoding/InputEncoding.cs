namespace MLPipelines.Trainers.Mlp.Encoding;

/// <summary>
/// What <see cref="TabularInputEncoder"/> does with each slot of the feature vector, fitted on training rows:
/// numeric slots are filled (NaN = median), shifted, scaled and optionally smooth-clipped; slots of small one-hot
/// blocks pass through (NaN = 0); each large one-hot block becomes one category code (0 = no slot set, else
/// 1 + the index of the set slot) for an embedding.
/// </summary>
public sealed class InputEncoding
{
    internal InputEncoding(int width, int[] numericSlots, float[] fill, float[] shift, float[] scale, bool clip,
        int[] oneHotSlots, CategoricalBlock[] embeddedBlocks, float[]? logScale = null)
    {
        Width = width;
        NumericSlots = numericSlots;
        Fill = fill;
        Shift = shift;
        Scale = scale;
        LogScale = logScale ?? new float[numericSlots.Length];
        Clip = clip;
        OneHotSlots = oneHotSlots;
        EmbeddedBlocks = embeddedBlocks;
    }

    /// <summary>Width of the raw feature vector.</summary>
    public int Width { get; }

    /// <summary>Numeric slots, in output order (the first <c>NumericSlots.Count</c> encoded values).</summary>
    public IReadOnlyList<int> NumericSlots { get; }

    /// <summary>Value that replaces a missing (NaN) numeric value, per numeric slot (the training median).</summary>
    public IReadOnlyList<float> Fill { get; }

    /// <summary>Subtracted before scaling, per numeric slot.</summary>
    public IReadOnlyList<float> Shift { get; }

    /// <summary>Multiplied after shifting, per numeric slot (0 for constant columns).</summary>
    public IReadOnlyList<float> Scale { get; }

    /// <summary>
    /// Per numeric slot, c of the symmetric log term <c>sign(d) log(1 + c |d|)</c> added to <c>d * Scale</c>
    /// (d = value - shift); 0 = linear only.
    /// </summary>
    public IReadOnlyList<float> LogScale { get; }

    /// <summary>True when scaled values go through <c>z / sqrt(1 + (z / 3)^2)</c>.</summary>
    public bool Clip { get; }

    /// <summary>Slots of small one-hot blocks, passed through after the numeric values.</summary>
    public IReadOnlyList<int> OneHotSlots { get; }

    /// <summary>Large one-hot blocks, each encoded as one category code after the one-hot slots.</summary>
    public IReadOnlyList<CategoricalBlock> EmbeddedBlocks { get; }

    /// <summary>Width of the encoded row: numeric + one-hot slots + one code per embedded block.</summary>
    public int EncodedWidth => NumericSlots.Count + OneHotSlots.Count + EmbeddedBlocks.Count;

    /// <summary>Index in the encoded row of the code of embedded block <paramref name="block"/>.</summary>
    public int CodeIndex(int block) => NumericSlots.Count + OneHotSlots.Count + block;
}
