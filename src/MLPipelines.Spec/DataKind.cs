namespace MLPipelines.Spec;

/// <summary>What a pipeline learns from (<c>data.kind</c>).</summary>
public enum DataKind
{
    /// <summary>A CSV/TSV table: one row per example, a label column, feature columns (the default).</summary>
    Tabular,

    /// <summary>Labelled images, in the <see cref="ImageFormat"/> given by <c>data.format</c>.</summary>
    Images,
}
