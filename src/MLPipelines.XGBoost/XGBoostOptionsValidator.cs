namespace MLPipelines.XGBoost;

/// <summary>
/// Checks that span several options (each option's own range is checked from its descriptor when a spec is read,
/// and again here for the API path). Messages name the YAML option so the spec validator can place them.
/// </summary>
internal static class XGBoostOptionsValidator
{
    public static IEnumerable<(string Option, string Message)> Errors(XGBoostOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.NEstimators < 1)
        {
            yield return ("n_estimators", $"must be at least 1, got {o.NEstimators}");
        }

        if (!(o.Eta > 0) || !double.IsFinite(o.Eta))
        {
            yield return ("eta", $"must be a number above 0, got {o.Eta}");
        }

        foreach (var (name, value) in new[] { ("subsample", o.Subsample), ("colsample_bytree", o.ColsampleBytree) })
        {
            if (!(value > 0 && value <= 1))
            {
                yield return (name, $"must be in (0, 1], got {value}");
            }
        }

        foreach (var (name, value) in new[] { ("min_child_weight", o.MinChildWeight), ("lambda", o.Lambda), ("alpha", o.Alpha), ("gamma", o.Gamma) })
        {
            if (!(value >= 0) || !double.IsFinite(value))
            {
                yield return (name, $"must be 0 or more, got {value}");
            }
        }

        if (o.MaxDepth < 0 || o.MaxLeaves < 0 || o.MaxBin < 2 || o.Threads < 1)
        {
            yield return ("", $"max_depth and max_leaves must be 0 or more, max_bin at least 2 and nthread at least 1 (got {o.MaxDepth}, {o.MaxLeaves}, {o.MaxBin}, {o.Threads})");
        }

        if (o.GrowPolicy == XGBoostGrowPolicy.Lossguide && o.TreeMethod == XGBoostTreeMethod.Exact)
        {
            yield return ("grow_policy", "lossguide needs tree_method hist or approx (exact grows depthwise only)");
        }

        if (o.MaxDepth == 0 && (o.GrowPolicy != XGBoostGrowPolicy.Lossguide || o.MaxLeaves == 0))
        {
            yield return ("max_depth", "0 (no depth limit) needs grow_policy lossguide with max_leaves above 0, or the trees grow without bound");
        }
    }

    public static void ThrowIfInvalid(XGBoostOptions options)
    {
        var errors = Errors(options).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid XGBoost options: " + string.Join("; ", errors.Select(e => e.Option.Length > 0 ? $"{e.Option} {e.Message}" : e.Message)), nameof(options));
        }
    }
}
