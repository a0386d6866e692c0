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

        var layers = network.Layers;
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

        var outDims = network.OutputShape.ToArray().Select(d => (long)d).ToArray();
        var k = network.OutputShape.Size;
        x = ApplyAffine(graph, x, options.OutputScale, options.OutputShift, k);
        var outputs = options.Outputs.Count > 0 ? [.. options.Outputs] : new List<OnnxOutput> { new(options.OutputName, options.Output) };
        if (outputs.Select(o => o.Name).Distinct().Count() != outputs.Count)
        {
            throw new ArgumentException("Output names must be distinct.", nameof(options));
        }

        foreach (var output in outputs)
        {
            var op = output.Kind switch
            {
                OnnxOutputKind.Raw => "Identity",
                OnnxOutputKind.Softmax => "Softmax",
                OnnxOutputKind.Sigmoid => "Sigmoid",
                _ => throw new ArgumentOutOfRangeException(nameof(options), output.Kind, "Unknown output kind."),
            };
            var attributes = output.Kind == OnnxOutputKind.Softmax ? new[] { OnnxAttribute.Int("axis", -1) } : [];
            graph.AddNode(op, [x], [output.Name], attributes);
            graph.AddOutput(output.Name, outDims);
        }

        return graph.ToModel("network", options.ProducerName, typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0");
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
