namespace MLPipelines.XGBoost;

/// <summary>
/// Every setting of the XGBoost trainer, with XGBoost's own names (given first, as in <c>trainer: xgboost</c>
/// options and XGBoost's parameter documentation) and XGBoost's defaults, except <see cref="TreeMethod"/> (hist,
/// XGBoost 2.0's default, instead of 1.x's <c>auto</c>) and <see cref="NEstimators"/> (100, the scikit-learn
/// wrapper's default, instead of <c>xgboost.train</c>'s 10). The objective follows the task: <c>binary:logistic</c>,
/// <c>multi:softprob</c>, <c>reg:squarederror</c>.
/// </summary>
public sealed class XGBoostOptions
{
    /// <summary>Label column (API only; pipelines always use <c>Label</c>): Boolean (binary), key (multiclass) or Single (regression).</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Feature column (API only): a known-size vector of Single; NaN = missing.</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary><c>n_estimators</c> (<c>num_boost_round</c>): boosting rounds; multiclass grows one tree per class per round. Default 100.</summary>
    public int NEstimators { get; set; } = 100;

    /// <summary><c>eta</c> (learning rate): shrinkage of each tree's leaf values. Default 0.3.</summary>
    public double Eta { get; set; } = 0.3;

    /// <summary><c>max_depth</c>: deepest a tree grows; 0 = unlimited (lossguide only). Default 6.</summary>
    public int MaxDepth { get; set; } = 6;

    /// <summary><c>min_child_weight</c>: smallest sum of hessians in a child (rows, for squared error). Default 1.</summary>
    public double MinChildWeight { get; set; } = 1;

    /// <summary><c>subsample</c>: fraction of rows sampled for each tree. Default 1.</summary>
    public double Subsample { get; set; } = 1;

    /// <summary><c>colsample_bytree</c>: fraction of features sampled for each tree. Default 1.</summary>
    public double ColsampleBytree { get; set; } = 1;

    /// <summary><c>lambda</c>: L2 regularization of leaf values. Default 1.</summary>
    public double Lambda { get; set; } = 1;

    /// <summary><c>alpha</c>: L1 regularization of leaf values. Default 0.</summary>
    public double Alpha { get; set; }

    /// <summary><c>gamma</c> (<c>min_split_loss</c>): smallest loss reduction a split must bring. Default 0.</summary>
    public double Gamma { get; set; }

    /// <summary><c>tree_method</c>. Default hist.</summary>
    public XGBoostTreeMethod TreeMethod { get; set; } = XGBoostTreeMethod.Hist;

    /// <summary><c>max_bin</c>: histogram bins per feature (hist and approx). Default 256.</summary>
    public int MaxBin { get; set; } = 256;

    /// <summary><c>grow_policy</c>. Default depthwise.</summary>
    public XGBoostGrowPolicy GrowPolicy { get; set; } = XGBoostGrowPolicy.Depthwise;

    /// <summary><c>max_leaves</c>: most leaves per tree; 0 = no limit. Default 0.</summary>
    public int MaxLeaves { get; set; }

    /// <summary><c>nthread</c>: OpenMP threads for training; null = all cores. Results are deterministic for a fixed seed and thread count.</summary>
    public int? Threads { get; set; }

    /// <summary><c>seed</c>: random seed of row and column sampling; null = the pipeline's fold seed (0 through the catalog).</summary>
    public int? Seed { get; set; }

    /// <summary>A copy.</summary>
    public XGBoostOptions Clone() => (XGBoostOptions)MemberwiseClone();
}
