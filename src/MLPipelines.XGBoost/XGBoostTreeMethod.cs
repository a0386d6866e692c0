namespace MLPipelines.XGBoost;

/// <summary>XGBoost's <c>tree_method</c> (CPU methods).</summary>
public enum XGBoostTreeMethod
{
    /// <summary><c>hist</c>: histogram of <c>max_bin</c> quantile bins per feature (XGBoost 2.0's default; fastest).</summary>
    Hist,

    /// <summary><c>approx</c>: quantile sketch rebuilt every iteration from the hessian-weighted data.</summary>
    Approx,

    /// <summary><c>exact</c>: every distinct value is a split candidate (slow on large tables).</summary>
    Exact,
}
