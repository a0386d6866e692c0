using System.Globalization;
using System.Text.Json;

namespace MLPipelines.XGBoost.Onnx;

/// <summary>
/// The parts of XGBoost's JSON model (<c>XGBoosterSaveModelToBuffer</c> with <c>format: json</c>, schema of
/// XGBoost 1.x <c>doc/model.schema</c>) that prediction needs: the objective, the number of classes and features,
/// the base score and every tree of a <c>gbtree</c> booster.
/// </summary>
internal sealed class XGBoostJsonModel
{
    private XGBoostJsonModel(string objective, int classCount, int featureCount, float baseScore, IReadOnlyList<XGBoostTree> trees)
    {
        Objective = objective;
        ClassCount = classCount;
        FeatureCount = featureCount;
        BaseScore = baseScore;
        Trees = trees;
    }

    /// <summary>XGBoost objective name, e.g. <c>binary:logistic</c>, <c>multi:softprob</c>, <c>reg:squarederror</c>.</summary>
    public string Objective { get; }

    /// <summary><c>num_class</c>; 0 unless multiclass.</summary>
    public int ClassCount { get; }

    public int FeatureCount { get; }

    /// <summary><c>base_score</c> as the user sees it (a probability for <c>binary:logistic</c>).</summary>
    public float BaseScore { get; }

    public IReadOnlyList<XGBoostTree> Trees { get; }

    /// <summary>Number of outputs the trees add to: the class count for multiclass, else 1.</summary>
    public int Targets => Math.Max(1, ClassCount);

    /// <summary>
    /// The starting value of every output's sum, as XGBoost computes it (in float): <c>base_score</c> mapped to the
    /// margin scale by the objective (<c>-log(1 / p - 1)</c> for the logistic objectives, unchanged otherwise).
    /// </summary>
    public float BaseMargin => Objective is "binary:logistic" or "reg:logistic" or "binary:logitraw"
        ? -MathF.Log((1f / BaseScore) - 1f)
        : BaseScore;

    /// <summary>
    /// A model of the same shape as a trained one (objective, classes, features) with one single-leaf tree per output:
    /// its ONNX graph declares the same inputs and outputs as the trained model's, for the scoring chain's schema.
    /// </summary>
    public static XGBoostJsonModel Placeholder(string objective, int classCount, int featureCount)
    {
        var trees = Enumerable.Range(0, Math.Max(1, classCount))
            .Select(target => new XGBoostTree(target, [-1], [-1], [0], [0f], [false]))
            .ToList();
        return new XGBoostJsonModel(objective, classCount, featureCount, 0.5f, trees);
    }

    public static XGBoostJsonModel Parse(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 64 });
        var learner = document.RootElement.GetProperty("learner");
        var parameters = learner.GetProperty("learner_model_param");
        var booster = learner.GetProperty("gradient_booster");
        var boosterName = booster.GetProperty("name").GetString();
        if (boosterName != "gbtree")
        {
            throw new NotSupportedException($"Only gbtree boosters convert to ONNX tree ensembles, got '{boosterName}'.");
        }

        var model = booster.GetProperty("model");
        var treeInfo = model.GetProperty("tree_info").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var trees = new List<XGBoostTree>(treeInfo.Length);
        var index = 0;
        foreach (var tree in model.GetProperty("trees").EnumerateArray())
        {
            trees.Add(ReadTree(tree, treeInfo[index++]));
        }

        return new XGBoostJsonModel(
            learner.GetProperty("objective").GetProperty("name").GetString() ?? "",
            Number(parameters, "num_class"),
            Number(parameters, "num_feature"),
            float.Parse(parameters.GetProperty("base_score").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            trees);
    }

    private static XGBoostTree ReadTree(JsonElement tree, int target)
    {
        var left = Ints(tree, "left_children");
        var split = tree.GetProperty("default_left");
        return new XGBoostTree(
            target,
            left,
            Ints(tree, "right_children"),
            Ints(tree, "split_indices"),
            [.. tree.GetProperty("split_conditions").EnumerateArray().Select(e => e.GetSingle())],

            // 1.x writes default_left as 0/1 numbers; accept booleans too.
            [.. split.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetInt32() != 0 : e.GetBoolean())]);
    }

    private static int[] Ints(JsonElement tree, string name) => [.. tree.GetProperty(name).EnumerateArray().Select(e => e.GetInt32())];

    private static int Number(JsonElement parameters, string name) =>
        parameters.TryGetProperty(name, out var value) ? int.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture) : 0;
}
