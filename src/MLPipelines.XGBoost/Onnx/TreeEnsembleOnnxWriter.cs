using System.Text;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.XGBoost.Onnx;

/// <summary>
/// Writes an XGBoost model as an ONNX graph whose margins are bit-identical to XGBoost's own prediction: an
/// <c>ai.onnx.ml</c> <c>TreeEnsembleRegressor</c> (opset 3) gives every tree's leaf value as an output of its own,
/// <c>CumSum</c> adds them up in float in tree order (per class for multiclass), starting from the base margin, as
/// XGBoost's CPU predictor does, and the objective's link follows: <c>Sigmoid</c> (binary), <c>Softmax</c> over
/// the classes (multiclass), none (regression).
/// </summary>
/// <remarks>
/// <para>Splits are <c>BRANCH_LT</c> (<c>x &lt; threshold</c> goes to the "true" = left child, as in XGBoost) and
/// <c>nodes_missing_value_tracks_true</c> is XGBoost's <c>default_left</c>, so NaN follows XGBoost's learned default
/// direction. Thresholds and leaf values are double tensors and the input is cast to double (exact), which selects
/// ONNX Runtime's double kernel: its comparisons equal XGBoost's float comparisons, and each output holds exactly one
/// float leaf value.</para>
/// <para>Why not let the tree ensemble sum the trees: it sums in the threshold type and, for one row and many trees,
/// splits the trees over threads, so its float sum differs from XGBoost's by a few ulps (5.7e-6 on values near 10 in
/// the tests); a sequential float <c>CumSum</c> in XGBoost's order (the base margin folded into each class's first
/// tree: <c>fl(base + leaf)</c>, XGBoost's first addition) reproduces XGBoost's sum exactly. Only the link function
/// (ONNX Runtime's <c>Sigmoid</c>/<c>Softmax</c> against XGBoost's <c>expf</c>) may differ, by about 1e-7.</para>
/// <para>The booster's JSON model travels in the model's metadata (<see cref="BoosterMetadataKey"/>).</para>
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
        var rounds = RoundsPerTarget(model);

        // ONNX Runtime keeps thresholds and sums in the input's type: double input gives the double kernel.
        var doubles = g.AddNode("Cast", [inputName], OnnxAttribute.Int("to", 11));
        var leaves = g.UniqueName("leaves");
        g.AddNode("TreeEnsembleRegressor", MlDomain, [doubles], [leaves], Attributes(model, rounds));
        var perTarget = g.AddNode("Reshape", [leaves, g.AddInitializer("shape", [3], [-1L, model.Targets, rounds])]);
        var axis = g.AddInitializer("axis", [], [2L]);
        var sums = g.AddNode("CumSum", [perTarget, axis]);
        var last = g.AddNode("Slice", [sums, g.AddInitializer("start", [1], [-1L]), g.AddInitializer("end", [1], [long.MaxValue]), g.AddInitializer("axes", [1], [2L])]);
        g.AddNode("Reshape", [last, g.AddInitializer("shape", [2], [-1L, model.Targets])], [margin]);
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

    /// <summary>Trees per target (rounds); every class of a multiclass model has the same number.</summary>
    private static int RoundsPerTarget(XGBoostJsonModel model)
    {
        var counts = model.Trees.GroupBy(t => t.Target).Select(g => g.Count()).Distinct().ToList();
        if (counts.Count != 1 || model.Trees.Count != counts[0] * model.Targets)
        {
            throw new NotSupportedException($"Expected the same number of trees for each of the {model.Targets} outputs, got {model.Trees.Count} trees.");
        }

        return counts[0];
    }

    /// <summary>Every tree is an output of its own, numbered <c>target * rounds + round</c>.</summary>
    private static OnnxAttribute[] Attributes(XGBoostJsonModel model, int rounds)
    {
        var nodes = new NodeArrays();
        var round = new int[model.Targets];
        for (var t = 0; t < model.Trees.Count; t++)
        {
            var tree = model.Trees[t];
            var r = round[tree.Target]++;
            var offset = r == 0 ? model.BaseMargin : 0f;
            foreach (var node in tree.ReachableNodes())
            {
                nodes.Add(t, node, tree, (tree.Target * rounds) + r, offset);
            }
        }

        return
        [
            OnnxAttribute.String("aggregate_function", "SUM"),
            OnnxAttribute.Int("n_targets", (long)model.Targets * rounds),
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

        /// <summary>Adds a node; a leaf's value goes to output <paramref name="target"/>, plus <paramref name="offset"/> added in float.</summary>
        public void Add(int treeIndex, int node, XGBoostTree tree, int target, float offset)
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
                LeafTarget.Add(target);
                LeafWeight.Add(offset + tree.Condition[node]);
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
