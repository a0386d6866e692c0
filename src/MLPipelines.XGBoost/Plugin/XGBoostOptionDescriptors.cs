using System.Globalization;
using MLPipelines.Core.Trainers;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.XGBoost.Plugin;

/// <summary>
/// The <c>trainer: xgboost</c> options as <see cref="OptionDescriptor"/>s, named as in XGBoost's parameter
/// documentation, with defaults taken from a fresh <see cref="XGBoostOptions"/> (YAML and API defaults cannot drift
/// apart), and the binding of resolved values onto <see cref="XGBoostOptions"/>.
/// </summary>
internal static class XGBoostOptionDescriptors
{
    public static IReadOnlyList<OptionDescriptor> All { get; } = Create();

    /// <summary>Options from resolved YAML values (missing keys keep their defaults).</summary>
    public static XGBoostOptions Bind(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var o = new XGBoostOptions();
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "n_estimators": o.NEstimators = Int(value); break;
                case "eta": o.Eta = Number(value); break;
                case "max_depth": o.MaxDepth = Int(value); break;
                case "min_child_weight": o.MinChildWeight = Number(value); break;
                case "subsample": o.Subsample = Number(value); break;
                case "colsample_bytree": o.ColsampleBytree = Number(value); break;
                case "lambda": o.Lambda = Number(value); break;
                case "alpha": o.Alpha = Number(value); break;
                case "gamma": o.Gamma = Number(value); break;
                case "tree_method": o.TreeMethod = System.Enum.Parse<XGBoostTreeMethod>((string)value!, ignoreCase: true); break;
                case "max_bin": o.MaxBin = Int(value); break;
                case "grow_policy": o.GrowPolicy = System.Enum.Parse<XGBoostGrowPolicy>((string)value!, ignoreCase: true); break;
                case "max_leaves": o.MaxLeaves = Int(value); break;
                case "nthread": o.Threads = value is null ? null : Int(value); break;
                case "seed": o.Seed = value is null ? null : Int(value); break;
                default: throw new ArgumentException($"Unknown xgboost option '{name}'.", nameof(values));
            }
        }

        return o;
    }

    private static int Int(object? value) => checked((int)Convert.ToInt64(value, CultureInfo.InvariantCulture));

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static OptionDescriptor[] Create()
    {
        var d = new XGBoostOptions();
        return
        [
            new("n_estimators", OptionKind.Int, (long)d.NEstimators, "Boosting rounds (num_boost_round); multiclass grows one tree per class per round.") { Min = 1, Max = 100_000 },
            new("eta", OptionKind.Float, d.Eta, "Learning rate: shrinkage of each tree's leaf values.") { Min = 0, MinExclusive = true, Max = 1 },
            new("max_depth", OptionKind.Int, (long)d.MaxDepth, "Deepest a tree grows; 0 = no limit (grow_policy lossguide with max_leaves only).") { Min = 0, Max = 64 },
            new("min_child_weight", OptionKind.Float, d.MinChildWeight, "Smallest sum of hessians (rows, for squared error) in a child.") { Min = 0 },
            new("subsample", OptionKind.Float, d.Subsample, "Fraction of rows sampled for each tree.") { Min = 0, MinExclusive = true, Max = 1 },
            new("colsample_bytree", OptionKind.Float, d.ColsampleBytree, "Fraction of features sampled for each tree.") { Min = 0, MinExclusive = true, Max = 1 },
            new("lambda", OptionKind.Float, d.Lambda, "L2 regularization of leaf values.") { Min = 0 },
            new("alpha", OptionKind.Float, d.Alpha, "L1 regularization of leaf values.") { Min = 0 },
            new("gamma", OptionKind.Float, d.Gamma, "Smallest loss reduction a split must bring (min_split_loss).") { Min = 0 },
            Enum("tree_method", d.TreeMethod, "Split finding: hist (quantile bins, XGBoost 2.0's default), approx, or exact (every value)."),
            new("max_bin", OptionKind.Int, (long)d.MaxBin, "Histogram bins per feature (hist, approx).") { Min = 2, Max = 65_535 },
            Enum("grow_policy", d.GrowPolicy, "depthwise (nodes closest to the root first) or lossguide (largest loss reduction first; hist, approx)."),
            new("max_leaves", OptionKind.Int, (long)d.MaxLeaves, "Most leaves per tree; 0 = no limit.") { Min = 0, Max = 1 << 20 },
            new("nthread", OptionKind.Int, null, "Training threads; null = all cores. Same seed and nthread give the same model.") { Min = 1, Max = 1024, Nullable = true },
            new("seed", OptionKind.Int, null, "Seed of row and column sampling; null = the run's seed for the fold.") { Min = 0, Max = int.MaxValue, Nullable = true },
        ];
    }

    private static OptionDescriptor Enum<T>(string name, T value, string description)
        where T : struct, Enum =>
        new(name, OptionKind.Enum, value.ToString()!.ToLowerInvariant(), description)
        {
            Allowed = [.. System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant())],
        };
}
