namespace MLPipelines.Results;

/// <summary>
/// Permutation feature importance of one model (<c>models[].feature_importance</c>): for each input column, how
/// much the metric changes when that column's values are shuffled among the test rows of a split, so the model
/// sees realistic values that no longer go with the row (Breiman 2001; scikit-learn's
/// <c>permutation_importance</c>). Computed on every split's test rows with the model fitted on that split's
/// training rows, so no row used for fitting is used for scoring; averaged over splits and permutations.
/// A whole source column is permuted at once, so a categorical column counts once, however many one-hot
/// slots it has.
/// </summary>
public sealed record FeatureImportanceResult
{
    /// <summary>Metric whose change is measured (the run's primary metric).</summary>
    public required string Metric { get; init; }

    /// <summary>Test rows used per split (at most this many, a seeded sample when a split has more).</summary>
    public required int RowsPerSplit { get; init; }

    /// <summary>Shuffles per column and split.</summary>
    public required int Permutations { get; init; }

    /// <summary>Splits the values were averaged over.</summary>
    public required int Splits { get; init; }

    /// <summary>Seconds spent computing the importances (all splits).</summary>
    public double Seconds { get; init; }

    /// <summary>
    /// What was permuted: <c>columns</c> (tabular data: each input column) or <c>image_blocks</c> (images: each
    /// square block of pixel positions, all channels together; <see cref="Grid"/> gives the layout).
    /// </summary>
    public string Unit { get; init; } = "columns";

    /// <summary>Image blocks only: rows and columns of the block grid and the block size in pixels; null for tabular data.</summary>
    public ImportanceGridResult? Grid { get; init; }

    /// <summary>One entry per column (or image block), most important first.</summary>
    public required IReadOnlyList<FeatureImportanceEntry> Features { get; init; }
}

/// <summary>One feature's permutation importance.</summary>
public sealed record FeatureImportanceEntry
{
    /// <summary>Input column name (as in the data file), or an image block such as <c>block r2 c3</c>.</summary>
    public required string Feature { get; init; }

    /// <summary>Mean over splits and permutations of (metric with the column shuffled − metric as scored), in the metric's units.</summary>
    public required double MeanChange { get; init; }

    /// <summary>Sample standard deviation of those changes (0 for one value).</summary>
    public required double Std { get; init; }

    /// <summary>
    /// The change turned into "how much worse the model gets": −mean_change for metrics where higher is better
    /// (accuracy, auc, r2, ...), +mean_change for error metrics (log_loss, rmse, mae). Positive = the model relies
    /// on the feature; about 0 = it does not; negative = shuffling helped (noise).
    /// </summary>
    public required double Importance { get; init; }

    /// <summary>Image blocks only: the block's grid row and column (0-based); null for columns.</summary>
    public int? GridRow { get; init; }

    /// <summary>Image blocks only: the block's grid column.</summary>
    public int? GridColumn { get; init; }
}

/// <summary>Layout of image-block importances: a <see cref="Rows"/> x <see cref="Columns"/> grid of <see cref="BlockSize"/>-pixel squares (the last row/column may be smaller).</summary>
public sealed record ImportanceGridResult(int Rows, int Columns, int BlockSize);
