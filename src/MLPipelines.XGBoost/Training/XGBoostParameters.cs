using System.Globalization;
using MLPipelines.Results;

namespace MLPipelines.XGBoost.Training;

/// <summary>
/// The booster parameters of one fit as XGBoost receives them (<c>XGBoosterSetParam</c> name/value strings, in a
/// fixed order): the task's objective plus every option. A python script passing the same pairs to
/// <c>xgboost.train</c> trains the same booster (bench/xgboost_vs_python.py does).
/// </summary>
internal static class XGBoostParameters
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(XGBoostOptions o, TaskKind task, int classCount, int seed)
    {
        ArgumentNullException.ThrowIfNull(o);
        var p = new List<KeyValuePair<string, string>>();
        void Add(string name, string value) => p.Add(new(name, value));
        switch (task)
        {
            case TaskKind.Binary:
                Add("objective", "binary:logistic");
                break;
            case TaskKind.Multiclass:
                Add("objective", "multi:softprob");
                Add("num_class", Text(classCount));
                break;
            default:
                Add("objective", "reg:squarederror");
                break;
        }

        Add("eta", Text(o.Eta));
        Add("max_depth", Text(o.MaxDepth));
        Add("min_child_weight", Text(o.MinChildWeight));
        Add("subsample", Text(o.Subsample));
        Add("colsample_bytree", Text(o.ColsampleBytree));
        Add("lambda", Text(o.Lambda));
        Add("alpha", Text(o.Alpha));
        Add("gamma", Text(o.Gamma));
        Add("tree_method", o.TreeMethod.ToString().ToLowerInvariant());
        if (o.TreeMethod != XGBoostTreeMethod.Exact)
        {
            Add("max_bin", Text(o.MaxBin));
            Add("grow_policy", o.GrowPolicy.ToString().ToLowerInvariant());
        }

        Add("max_leaves", Text(o.MaxLeaves));
        Add("nthread", Text(o.Threads ?? 0));
        Add("seed", Text(seed));
        Add("verbosity", "0");
        return p;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
