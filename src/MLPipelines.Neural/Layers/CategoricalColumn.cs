namespace MLPipelines.Neural.Layers;

/// <summary>
/// A categorical column inside a flat float input, for <see cref="Embedding"/>: the value at
/// <paramref name="Index"/> is a category code in [0, <paramref name="Cardinality"/>) (codes outside, and NaN,
/// map to 0, so reserve 0 for "unknown / missing"), embedded into <paramref name="Dimension"/> learned floats.
/// </summary>
public sealed record CategoricalColumn(int Index, int Cardinality, int Dimension);
