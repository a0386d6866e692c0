namespace MLPipelines.XGBoost;

/// <summary>XGBoost's <c>grow_policy</c> (hist and approx only).</summary>
public enum XGBoostGrowPolicy
{
    /// <summary><c>depthwise</c>: split the nodes closest to the root first (XGBoost's default).</summary>
    Depthwise,

    /// <summary><c>lossguide</c>: split the node with the largest loss reduction first (LightGBM-style, bounded by <c>max_leaves</c>).</summary>
    Lossguide,
}
