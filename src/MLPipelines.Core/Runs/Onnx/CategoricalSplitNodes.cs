using System.Buffers.Binary;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace MLPipelines.Core.Runs.Onnx;

/// <summary>
/// Writes the categorical splits of tree ensembles as ONNX can score them. ML.NET's LightGBM trainer splits on
/// categorical (one-hot) slots once it trains on more than 50,000 rows: a node goes to its GT child when any of its
/// slots is above 0, to its LTE child otherwise. ML.NET's converter writes such a node as a <c>BRANCH_LEQ</c> on
/// feature -1, which ONNX Runtime rejects. A chain of one node per slot cannot replace it: the links would share the GT
/// child, and ONNX Runtime takes trees only. So each distinct set of slots becomes one more feature, the number of its
/// slots above 0 (<c>MatMul</c> of the indicators <c>x &gt; 0</c> with a 0/1 matrix, appended to the features), and
/// the node a <c>BRANCH_LEQ</c> at 0 on it. A missing value counts as not above 0 (one-hot slots are never missing).
/// </summary>
internal static class CategoricalSplitNodes
{
    // NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5. AttributeProto: name = 1, i = 3,
    // floats = 7, ints = 8, strings = 9, type = 20 (INT = 2). TensorProto: dims = 1, data_type = 2 (FLOAT = 1),
    // float_data = 4, name = 8.
    private const string Ensemble = "TreeEnsembleRegressor";

    /// <summary>
    /// Rewrites every <c>TreeEnsembleRegressor</c> node of <paramref name="graph"/> whose trees have categorical splits,
    /// the n-th of these nodes from the n-th ensemble of <paramref name="ensembles"/> (the converter writes them in the
    /// order of the model's steps). Returns why the graph still holds a node it cannot score, or null.
    /// </summary>
    public static string? Rewrite(OnnxModelGraph graph, IReadOnlyList<(RegressionTreeEnsemble Trees, int Features)> ensembles)
    {
        var at = 0;
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            if (graph.Nodes[i].Text(4) != Ensemble)
            {
                continue;
            }

            var ensemble = at < ensembles.Count ? ensembles[at] : default;
            at++;
            if (ensemble.Trees is { } trees && trees.Trees.Any(t => t.CategoricalSplitFlags.Any(f => f)))
            {
                var added = Rewrite(graph, i, trees, ensemble.Features);
                i += added;
            }

            if (Attributes(graph.Nodes[i]).TryGetValue("nodes_featureids", out var ids) && ids.Ints.Any(id => id < 0))
            {
                return "a tree ensemble has categorical splits that could not be matched to the model's trees";
            }
        }

        return null;
    }

    /// <summary>
    /// The tree ensembles a model's steps score with and the length of their feature vectors, in step order
    /// (calibrated and one-versus-all models opened).
    /// </summary>
    public static List<(RegressionTreeEnsemble Trees, int Features)> Ensembles(IEnumerable<ITransformer> steps)
    {
        var ensembles = new List<(RegressionTreeEnsemble, int)>();
        foreach (var step in steps)
        {
            if (step is ISingleFeaturePredictionTransformer<object> scorer)
            {
                var features = scorer.FeatureColumnType is VectorDataViewType vector ? vector.Size : 1;
                var trees = new List<RegressionTreeEnsemble>();
                Collect(scorer.Model, trees);
                ensembles.AddRange(trees.Select(t => (t, features)));
            }
        }

        return ensembles;
    }

    private static void Collect(object? model, List<RegressionTreeEnsemble> into)
    {
        switch (model)
        {
            case TreeEnsembleModelParametersBasedOnRegressionTree trees:
                into.Add(trees.TrainedTreeEnsemble);
                break;
            case not null:
                // Calibrated models score with their SubModel; one-versus-all ones (LightGBM's multiclass) with one
                // model per class, written in class order (SubModelParameters is internal to ML.NET). Generic bases
                // redeclare the properties, hence by name.
                var flags = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
                var properties = model.GetType().GetProperties(flags).Where(p => p.Name is "SubModel" or "SubModelParameters" && p.GetIndexParameters().Length == 0);
                var inner = properties.Select(p => p.GetValue(model)).FirstOrDefault(v => v is not null);
                if (inner is System.Collections.IEnumerable subModels)
                {
                    foreach (var sub in subModels)
                    {
                        Collect(sub, into);
                    }
                }
                else if (inner is not null)
                {
                    Collect(inner, into);
                }

                break;
        }
    }

    /// <summary>Rewrites the ensemble node at <paramref name="index"/>; returns how many nodes were inserted before it.</summary>
    private static int Rewrite(OnnxModelGraph graph, int index, RegressionTreeEnsemble ensemble, int features)
    {
        var node = graph.Nodes[index];
        var attributes = Attributes(node);
        var trees = attributes["nodes_treeids"].Ints;
        var ids = attributes["nodes_nodeids"].Ints;
        var position = new Dictionary<(long Tree, long Node), int>();
        for (var k = 0; k < trees.Count; k++)
        {
            position[(trees[k], ids[k])] = k;
        }

        var sets = new List<IReadOnlyList<int>>();
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                if (!tree.CategoricalSplitFlags[n] || !position.TryGetValue((t, n), out var k))
                {
                    continue;
                }

                var slots = tree.GetCategoricalSplitFeaturesAt(n);
                var set = sets.FindIndex(s => s.SequenceEqual(slots));
                if (set < 0)
                {
                    set = sets.Count;
                    sets.Add(slots);
                }

                attributes["nodes_featureids"].Ints[k] = features + set;
                attributes["nodes_values"].Floats[k] = 0f;
                attributes["nodes_modes"].Strings[k] = "BRANCH_LEQ"u8.ToArray();
                if (attributes.TryGetValue("nodes_missing_value_tracks_true", out var missing) && missing.Ints.Count > k)
                {
                    missing.Ints[k] = 1;
                }
            }
        }

        if (sets.Count == 0)
        {
            return 0;
        }

        // counts = (x > 0 as float) x M, M[slot, set] = 1 when the set holds the slot; the trees read [x, counts].
        var input = node.Fields.First(f => f.Number == 1).Text;
        var name = (node.Text(3) ?? Ensemble + index) + ".categorical";
        var matrix = new float[features * sets.Count];
        for (var c = 0; c < sets.Count; c++)
        {
            foreach (var slot in sets[c])
            {
                matrix[(slot * sets.Count) + c] = 1f;
            }
        }

        graph.Initializers.Add(FloatTensor(name + "/zero", [], [0f]));
        graph.Initializers.Add(FloatTensor(name + "/sets", [features, sets.Count], matrix));
        var before = graph.Nodes.Count;
        graph.AddNode("Greater", [input, name + "/zero"], [name + "/above"]);
        graph.AddNode("Cast", [name + "/above"], [name + "/indicators"], "", IntAttribute("to", 1));
        graph.AddNode("MatMul", [name + "/indicators", name + "/sets"], [name + "/counts"]);
        graph.AddNode("Concat", [input, name + "/counts"], [name + "/features"], "", IntAttribute("axis", -1));
        var added = graph.Nodes.GetRange(before, graph.Nodes.Count - before);
        graph.Nodes.RemoveRange(before, added.Count);

        var rewritten = new ProtoMessage();
        var first = true;
        foreach (var f in node.Fields.Where(f => f.Number != 5))
        {
            if (f.Number == 1 && first)
            {
                rewritten.Add(1, name + "/features");
                first = false;
                continue;
            }

            rewritten.Fields.Add(f);
        }

        foreach (var a in attributes.Values)
        {
            rewritten.Add(5, a.ToMessage());
        }

        graph.Nodes[index] = rewritten;
        graph.Nodes.InsertRange(index, added);
        return added.Count;
    }

    private static ProtoMessage IntAttribute(string name, long value) => new ProtoMessage().Add(1, name).AddVarint(3, value).AddVarint(20, 2);

    private static ProtoMessage FloatTensor(string name, long[] dims, float[] values)
    {
        var tensor = new ProtoMessage();
        foreach (var d in dims)
        {
            tensor.AddVarint(1, d);
        }

        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return tensor.AddVarint(2, 1).Add(4, bytes).Add(8, name);
    }

    private static Dictionary<string, NodeAttribute> Attributes(ProtoMessage node) =>
        node.All(5).Select(p => new NodeAttribute(ProtoMessage.Parse(p))).ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>One attribute of a node: its list of ints, floats or strings as read (other fields kept), written back packed.</summary>
    private sealed class NodeAttribute
    {
        private readonly ProtoMessage _rest = new();

        public NodeAttribute(ProtoMessage attribute)
        {
            Name = attribute.Text(1) ?? "";
            foreach (var f in attribute.Fields)
            {
                switch (f.Number, f.WireType)
                {
                    case (8, 0):
                        Ints.Add((long)f.Value);
                        break;
                    case (8, 2):
                        Ints.AddRange(Varints(f.Payload.Span));
                        break;
                    case (7, 5):
                        Floats.Add(BinaryPrimitives.ReadSingleLittleEndian(f.Payload.Span));
                        break;
                    case (7, 2):
                        for (var o = 0; o < f.Payload.Length; o += 4)
                        {
                            Floats.Add(BinaryPrimitives.ReadSingleLittleEndian(f.Payload.Span[o..]));
                        }

                        break;
                    case (9, 2):
                        Strings.Add(f.Payload.ToArray());
                        break;
                    default:
                        _rest.Fields.Add(f);
                        break;
                }
            }
        }

        public string Name { get; }

        public List<long> Ints { get; } = [];

        public List<float> Floats { get; } = [];

        public List<byte[]> Strings { get; } = [];

        public ProtoMessage ToMessage()
        {
            var message = new ProtoMessage();
            message.Fields.AddRange(_rest.Fields);
            if (Ints.Count > 0)
            {
                var packed = new List<byte>();
                foreach (var v in Ints)
                {
                    for (var u = (ulong)v; ; u >>= 7)
                    {
                        if (u < 0x80)
                        {
                            packed.Add((byte)u);
                            break;
                        }

                        packed.Add((byte)(u | 0x80));
                    }
                }

                message.Add(8, packed.ToArray());
            }

            if (Floats.Count > 0)
            {
                var bytes = new byte[Floats.Count * 4];
                for (var i = 0; i < Floats.Count; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), Floats[i]);
                }

                message.Add(7, bytes);
            }

            foreach (var s in Strings)
            {
                message.Add(9, s);
            }

            return message;
        }

        private static List<long> Varints(ReadOnlySpan<byte> span)
        {
            var values = new List<long>();
            ulong value = 0;
            var shift = 0;
            foreach (var b in span)
            {
                value |= (ulong)(b & 0x7F) << shift;
                shift += 7;
                if (b < 0x80)
                {
                    values.Add((long)value);
                    (value, shift) = (0, 0);
                }
            }

            return values;
        }
    }
}
