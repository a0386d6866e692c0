namespace MLPipelines.Trainers.Cnn.Building;

/// <summary>One parsed item of a <c>layers</c> list: its name, its numeric arguments and how it was written.</summary>
/// <param name="Name">Canonical layer name (aliases resolved), e.g. <c>conv</c>, <c>bn</c>, <c>maxpool</c>.</param>
/// <param name="Arguments">The numbers in parentheses, in order (empty when none were written).</param>
/// <param name="Text">The item as written, for messages.</param>
/// <param name="Index">1-based position in the list, for messages.</param>
internal sealed record CnnLayerSpec(string Name, IReadOnlyList<double> Arguments, string Text, int Index)
{
    /// <summary>Argument <paramref name="i"/>, or <paramref name="fallback"/> when it was not written.</summary>
    public double Argument(int i, double fallback) => i < Arguments.Count ? Arguments[i] : fallback;
}
