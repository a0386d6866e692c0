using MLPipelines.Spec.Declarations;

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
        foreach (var error in OptionDeclarations.RangeErrors(o))
        {
            yield return error;
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
