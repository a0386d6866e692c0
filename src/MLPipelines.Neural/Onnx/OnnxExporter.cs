using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Networks;

namespace MLPipelines.Neural.Onnx;

/// <summary>
/// Writes a trained <see cref="Network"/> as an ONNX model (opset 13, IR 8) for inference: input
/// <c>[N, features...]</c> with a symbolic batch dimension "N", Dense as Gemm, batch norm folded into the
/// preceding Dense, dropout removed, activations as ONNX ops or opset-13 primitives, and one or more
/// rank-2 outputs <c>[N, k]</c> (raw / softmax / sigmoid).
/// </summary>
/// <example>
/// <code>
/// OnnxExporter.Save(net, "model.onnx", new OnnxExportOptions { Output = OnnxOutputKind.Softmax, OutputName = "probabilities" });
/// </code>
/// </example>
public static class OnnxExporter
{
    /// <summary>Encodes the network as ONNX model bytes.</summary>
    public static byte[] Export(Network network, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!network.IsBuilt)
        {
            throw new ArgumentException("Build and train the network before exporting it.", nameof(network));
        }

        options ??= new OnnxExportOptions();
        var graph = new OnnxGraphBuilder();
        var sampleDims = network.InputShape.ToArray().Select(d => (long)d).ToArray();
        graph.AddInput(options.InputName, options.FlatInput ? [network.InputShape.Size] : sampleDims);
        var x = options.InputName;
        if (options.InputTransform is not null)
        {
            x = options.InputTransform(graph, x);
        }

        if (options.FlatInput && sampleDims.Length > 1)
        {
            // Target shape [0, dims...]: 0 keeps the batch dimension N.
            x = graph.AddNode("Reshape", [x, graph.AddInitializer("input_shape", [sampleDims.Length + 1], [0L, .. sampleDims])]);
        }

        x = ExportLayers(graph, network.Layers, x);
        var members = options.AverageMembers ? EnsembleMembers(network) : 1;
        var outDims = network.OutputShape.ToArray().Select(d => (long)d).Skip(options.AverageMembers ? 1 : 0).ToArray();
        var k = network.OutputShape.Size / members;
        x = ApplyAffine(graph, x, options.OutputScale, options.OutputShift, k);
        var outputs = options.Outputs.Count > 0 ? [.. options.Outputs] : new List<OnnxOutput> { new(options.OutputName, options.Output) };
        if (outputs.Select(o => o.Name).Distinct().Count() != outputs.Count)
        {
            throw new ArgumentException("Output names must be distinct.", nameof(options));
        }

        foreach (var output in outputs)
        {
            if (options.AverageMembers)
            {
                graph.AddNode("Identity", [MemberAverage(graph, x, output.Kind)], [output.Name]);
            }
            else
            {
                var (op, attributes) = output.Kind switch
                {
                    OnnxOutputKind.Raw or OnnxOutputKind.ProbabilityLogit => ("Identity", Array.Empty<OnnxAttribute>()),
                    OnnxOutputKind.Softmax => ("Softmax", [OnnxAttribute.Int("axis", -1)]),
                    OnnxOutputKind.Sigmoid => ("Sigmoid", []),
                    _ => throw new ArgumentOutOfRangeException(nameof(options), output.Kind, "Unknown output kind."),
                };
                graph.AddNode(op, [x], [output.Name], attributes);
            }

            graph.AddOutput(output.Name, outDims);
        }

        return graph.ToModel("network", options.ProducerName, typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0");
    }

    /// <summary>
    /// Adds <paramref name="layers"/> in order reading <paramref name="input"/> (a Dense or Conv2D absorbs the batch
    /// norm after it); returns the last output's name. Composite layers (<see cref="ResidualBlock"/>) export their
    /// branches with it.
    /// </summary>
    internal static string ExportLayers(OnnxGraphBuilder graph, IReadOnlyList<Layer> layers, string input)
    {
        var x = input;
        for (var i = 0; i < layers.Count; i++)
        {
            if (layers[i] is Dense dense && i + 1 < layers.Count && layers[i + 1] is BatchNorm norm)
            {
                x = dense.ExportOnnx(graph, x, norm);
                i++;
            }
            else if (layers[i] is IOnnxFusedExport fused && i + 1 < layers.Count && fused.TryExportWith(graph, x, layers[i + 1], out var folded))
            {
                x = folded;
                i++;
            }
            else if (layers[i] is IOnnxExportable exportable)
            {
                x = exportable.ExportOnnx(graph, x);
            }
            else
            {
                throw new NotSupportedException($"Layer {i} ({layers[i].Kind}) cannot be exported to ONNX: it does not implement IOnnxExportable.");
            }
        }

        return x;
    }

    private static string PerMember(OnnxGraphBuilder graph, string x, OnnxOutputKind kind) => kind switch
    {
        OnnxOutputKind.Raw => x,
        OnnxOutputKind.Softmax => graph.AddNode("Softmax", [x], OnnxAttribute.Int("axis", -1)),
        OnnxOutputKind.Sigmoid => graph.AddNode("Sigmoid", [x]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown output kind."),
    };

    /// <summary>
    /// One output of an ensemble <c>[N, k, width]</c> averaged over the members (axis 1): values, softmax or sigmoid
    /// probabilities, or the logit of the mean sigmoid probability, <c>log(sum sigmoid(z)) - log(sum sigmoid(-z))</c>.
    /// </summary>
    private static string MemberAverage(OnnxGraphBuilder graph, string x, OnnxOutputKind kind)
    {
        var axes = OnnxAttribute.Ints("axes", 1);
        var keep = OnnxAttribute.Int("keepdims", 0);
        switch (kind)
        {
            case OnnxOutputKind.ProbabilityLogit:
                var axis = graph.AddInitializer("member_axis", [1], [1L]);
                var positive = graph.AddNode("ReduceSum", [graph.AddNode("Sigmoid", [x]), axis], keep);
                var negative = graph.AddNode("ReduceSum", [graph.AddNode("Sigmoid", [graph.AddNode("Neg", [x])]), axis], keep);
                return graph.AddNode("Sub", [graph.AddNode("Log", [positive]), graph.AddNode("Log", [negative])]);
            default:
                return graph.AddNode("ReduceMean", [PerMember(graph, x, kind)], axes, keep);
        }
    }

    private static int EnsembleMembers(Network network)
    {
        if (network.OutputShape.Rank != 2)
        {
            throw new ArgumentException($"AverageMembers needs an ensemble output [members, width]; the network's output is {network.OutputShape}.", nameof(network));
        }

        return network.OutputShape[0];
    }

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    public static void Save(Network network, string path, OnnxExportOptions? options = null) =>
        File.WriteAllBytes(path, Export(network, options));

    private static string ApplyAffine(OnnxGraphBuilder graph, string x, float[]? scale, float[]? shift, int k)
    {
        if (scale is not null)
        {
            CheckLength(scale, k, nameof(OnnxExportOptions.OutputScale));
            x = graph.AddNode("Mul", [x, graph.AddInitializer("output_scale", [scale.Length], scale)]);
        }

        if (shift is not null)
        {
            CheckLength(shift, k, nameof(OnnxExportOptions.OutputShift));
            x = graph.AddNode("Add", [x, graph.AddInitializer("output_shift", [shift.Length], shift)]);
        }

        return x;
    }

    private static void CheckLength(float[] values, int k, string name)
    {
        if (values.Length != 1 && values.Length != k)
        {
            throw new ArgumentException($"{name} has {values.Length} values; expected 1 or {k} (the output width).", name);
        }
    }
}
