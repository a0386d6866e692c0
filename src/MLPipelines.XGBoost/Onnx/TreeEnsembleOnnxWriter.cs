using System.Text;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.XGBoost.Onnx;

/// <summary>
/// Writes an XGBoost model as an ONNX graph: one <c>ai.onnx.ml</c> <c>TreeEnsembleRegressor</c> (opset 3) whose
/// outputs are the margins (sum of every tree's leaf value, plus the base margin), followed by the objective's link:
/// <c>Sigmoid</c> (binary), <c>Softmax</c> over the classes (multiclass), none (regression).
/// </summary>
/// <remarks>
/// Splits are <c>BRANCH_LT</c> (<c>x &lt; threshold</c> goes to the "true" = left child, as in XGBoost) and
/// <c>nodes_missing_value_tracks_true</c> is XGBoost's <c>default_left</c>, so NaN follows XGBoost's learned
/// default direction. Thresholds, leaf values and base values are stored as double tensors (the <c>*_as_tensor</c>
/// attributes), so ONNX Runtime compares the float inputs exactly like XGBoost and sums the leaves in double: the
/// result does not depend on how the runtime splits trees over threads, and differs from XGBoost's float sum only by
/// XGBoost's own rounding. The booster's JSON model travels in the model's metadata (<see cref="BoosterMetadataKey"/>).
/// </remarks>
internal static class TreeEnsembleOnnxWriter
{
    /// <summary>Metadata key of the booster's own JSON model (UTF-8 text, loadable with XGBoost's <c>load_model</c>).</summary>
    public const string BoosterMetadataKey = "xgboost_model_json";

    private const string MlDomain = "ai.onnx.ml";

    /// <summary>The ONNX model; output names as given in <paramref name="outputs"/>.</summary>
    public static byte[] Write(XGBoostJsonModel model, ReadOnlySpan<byte> boosterJson, string inputName, TreeEnsembleOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(outputs);
        var g = new OnnxGraphBuilder();
        g.UseOpset(MlDomain, 3);
        g.AddInput(inputName, model.FeatureCount);
        var margin = outputs.Margin ?? g.UniqueName("margin");
        g.AddNode("TreeEnsembleRegressor", MlDomain, [inputName], [margin], Attributes(model));
        switch (outputs)
        {
            case { Probability: { } probability }:
                g.AddNode("Sigmoid", [margin], [probability]);
                g.AddOutput(margin, model.Targets);
                g.AddOutput(probability, model.Targets);
                break;
            case { ClassProbabilities: { } classes }:
                g.AddNode("Softmax", [margin], [classes], OnnxAttribute.Int("axis", 1));
                g.AddOutput(classes, model.Targets);
                break;
            default:
                g.AddOutput(margin, model.Targets);
                break;
        }

        g.AddMetadata(BoosterMetadataKey, Encoding.UTF8.GetString(boosterJson));
        return g.ToModel("xgboost", "MLPipelines.XGBoost", typeof(TreeEnsembleOnnxWriter).Assembly.GetName().Version?.ToString() ?? "1.0");
    }

    private static OnnxAttribute[] Attributes(XGBoostJsonModel model)
    {
        var nodes = new NodeArrays();
        for (var t = 0; t < model.Trees.Count; t++)
        {
            var tree = model.Trees[t];
            foreach (var node in tree.ReachableNodes())
            {
                nodes.Add(t, node, tree);
            }
        }

        var baseValues = Enumerable.Repeat((double)model.BaseMargin, model.Targets).ToArray();
        return
        [
            OnnxAttribute.String("aggregate_function", "SUM"),
            OnnxAttribute.DoubleTensor("base_values_as_tensor", baseValues),
            OnnxAttribute.Int("n_targets", model.Targets),
            OnnxAttribute.Ints("nodes_falsenodeids", [.. nodes.False]),
            OnnxAttribute.Ints("nodes_featureids", [.. nodes.Feature]),
            OnnxAttribute.Ints("nodes_missing_value_tracks_true", [.. nodes.MissingTrue]),
            OnnxAttribute.Strings("nodes_modes", [.. nodes.Modes]),
            OnnxAttribute.Ints("nodes_nodeids", [.. nodes.Id]),
            OnnxAttribute.Ints("nodes_treeids", [.. nodes.Tree]),
            OnnxAttribute.Ints("nodes_truenodeids", [.. nodes.True]),
            OnnxAttribute.DoubleTensor("nodes_values_as_tensor", [.. nodes.Threshold]),
            OnnxAttribute.String("post_transform", "NONE"),
            OnnxAttribute.Ints("target_ids", [.. nodes.LeafTarget]),
            OnnxAttribute.Ints("target_nodeids", [.. nodes.LeafNode]),
            OnnxAttribute.Ints("target_treeids", [.. nodes.LeafTree]),
            OnnxAttribute.DoubleTensor("target_weights_as_tensor", [.. nodes.LeafWeight]),
        ];
    }

    /// <summary>The tree ensemble's parallel node and leaf arrays.</summary>
    private sealed class NodeArrays
    {
        public List<long> Tree { get; } = [];

        public List<long> Id { get; } = [];

        public List<long> Feature { get; } = [];

        public List<string> Modes { get; } = [];

        public List<double> Threshold { get; } = [];

        public List<long> True { get; } = [];

        public List<long> False { get; } = [];

        public List<long> MissingTrue { get; } = [];

        public List<long> LeafTree { get; } = [];

        public List<long> LeafNode { get; } = [];

        public List<long> LeafTarget { get; } = [];

        public List<double> LeafWeight { get; } = [];

        public void Add(int treeIndex, int node, XGBoostTree tree)
        {
            Tree.Add(treeIndex);
            Id.Add(node);
            if (tree.IsLeaf(node))
            {
                Feature.Add(0);
                Modes.Add("LEAF");
                Threshold.Add(0);
                True.Add(0);
                False.Add(0);
                MissingTrue.Add(0);
                LeafTree.Add(treeIndex);
                LeafNode.Add(node);
                LeafTarget.Add(tree.Target);
                LeafWeight.Add(tree.Condition[node]);
                return;
            }

            Feature.Add(tree.Feature[node]);
            Modes.Add("BRANCH_LT");
            Threshold.Add(tree.Condition[node]);
            True.Add(tree.Left[node]);
            False.Add(tree.Right[node]);
            MissingTrue.Add(tree.DefaultLeft[node] ? 1 : 0);
        }
    }
}
