namespace MLPipelines.Trainers.Mlp.Training;

/// <summary>ML.NET annotation kinds the MLP reads (ML.NET keeps the constants internal).</summary>
internal static class AnnotationNames
{
    /// <summary>
    /// On a feature vector: pairs of inclusive [first, last] slot indices, one pair per categorical column that
    /// one-hot encoding produced (<c>OneHotEncoding</c>, <c>OneHotHashEncoding</c>); <c>Concatenate</c> carries it over.
    /// </summary>
    public const string CategoricalSlotRanges = "CategoricalSlotRanges";
}
