using MLPipelines.Spec.Declarations;

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
    [Option("n_estimators", "Boosting rounds (num_boost_round); multiclass grows one tree per class per round.", Min = 1, Max = 100_000, Resource = true)]
    public int NEstimators { get; set; } = 100;

    /// <summary><c>eta</c> (learning rate): shrinkage of each tree's leaf values. Default 0.3.</summary>
    [Option("eta", "Learning rate: shrinkage of each tree's leaf values.", Min = 0, Max = 1, MinExclusive = true, Scale = OptionScale.Log)]
    public double Eta { get; set; } = 0.3;

    /// <summary><c>max_depth</c>: deepest a tree grows; 0 = unlimited (lossguide only). Default 6.</summary>
    [Option("max_depth", "Deepest a tree grows; 0 = no limit (grow_policy lossguide with max_leaves only).", Min = 0, Max = 64)]
    public int MaxDepth { get; set; } = 6;

    /// <summary><c>min_child_weight</c>: smallest sum of hessians in a child (rows, for squared error). Default 1.</summary>
    [Option("min_child_weight", "Smallest sum of hessians (rows, for squared error) in a child.", Min = 0, Scale = OptionScale.Log)]
    public double MinChildWeight { get; set; } = 1;

    /// <summary><c>subsample</c>: fraction of rows sampled for each tree. Default 1.</summary>
    [Option("subsample", "Fraction of rows sampled for each tree.", Min = 0, Max = 1, MinExclusive = true)]
    public double Subsample { get; set; } = 1;

    /// <summary><c>colsample_bytree</c>: fraction of features sampled for each tree. Default 1.</summary>
    [Option("colsample_bytree", "Fraction of features sampled for each tree.", Min = 0, Max = 1, MinExclusive = true)]
    public double ColsampleBytree { get; set; } = 1;

    /// <summary><c>lambda</c>: L2 regularization of leaf values. Default 1.</summary>
    [Option("lambda", "L2 regularization of leaf values.", Min = 0, Scale = OptionScale.Log)]
    public double Lambda { get; set; } = 1;

    /// <summary><c>alpha</c>: L1 regularization of leaf values. Default 0.</summary>
    [Option("alpha", "L1 regularization of leaf values.", Min = 0, Scale = OptionScale.Log)]
    public double Alpha { get; set; }

    /// <summary><c>gamma</c> (<c>min_split_loss</c>): smallest loss reduction a split must bring. Default 0.</summary>
    [Option("gamma", "Smallest loss reduction a split must bring (min_split_loss).", Min = 0, Scale = OptionScale.Log)]
    public double Gamma { get; set; }

    /// <summary><c>tree_method</c>. Default hist.</summary>
    [Option("tree_method", "Split finding: hist (quantile bins, XGBoost 2.0's default), approx, or exact (every value).")]
    public XGBoostTreeMethod TreeMethod { get; set; } = XGBoostTreeMethod.Hist;

    /// <summary><c>max_bin</c>: histogram bins per feature (hist and approx). Default 256.</summary>
    [Option("max_bin", "Histogram bins per feature (hist, approx).", Min = 2, Max = 65_535)]
    public int MaxBin { get; set; } = 256;

    /// <summary><c>grow_policy</c>. Default depthwise.</summary>
    [Option("grow_policy", "depthwise (nodes closest to the root first) or lossguide (largest loss reduction first; hist, approx).")]
    public XGBoostGrowPolicy GrowPolicy { get; set; } = XGBoostGrowPolicy.Depthwise;

    /// <summary><c>max_leaves</c>: most leaves per tree; 0 = no limit. Default 0.</summary>
    [Option("max_leaves", "Most leaves per tree; 0 = no limit.", Min = 0, Max = 1 << 20)]
    public int MaxLeaves { get; set; }

    /// <summary><c>nthread</c>: OpenMP threads for training; null = all cores. Results are deterministic for a fixed seed and thread count.</summary>
    [Option("nthread", "Training threads; null = all cores. Same seed and nthread give the same model.", Min = 1, Max = 1024)]
    public int? Threads { get; set; }

    /// <summary><c>seed</c>: random seed of row and column sampling; null = the pipeline's fold seed (0 through the catalog).</summary>
    [Option("seed", "Seed of row and column sampling; null = the run's seed for the fold.", Min = 0, Max = int.MaxValue)]
    public int? Seed { get; set; }

    /// <summary>A copy.</summary>
    public XGBoostOptions Clone() => (XGBoostOptions)MemberwiseClone();
}
