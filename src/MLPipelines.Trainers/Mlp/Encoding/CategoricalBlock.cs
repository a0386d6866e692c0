namespace MLPipelines.Trainers.Mlp.Encoding;

/// <summary>
/// The one-hot slots of one categorical column inside the feature vector: <paramref name="Width"/> slots from
/// <paramref name="Start"/> (as ML.NET's <c>CategoricalSlotRanges</c> annotation lists them).
/// </summary>
public sealed record CategoricalBlock(int Start, int Width)
{
    /// <summary>Index of the last slot.</summary>
    public int End => Start + Width - 1;
}
