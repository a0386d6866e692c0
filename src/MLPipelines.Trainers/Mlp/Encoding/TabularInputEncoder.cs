using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Trainers.Mlp.Encoding;

/// <summary>
/// The first layer of a tabular MLP: turns the raw feature vector into the network's input, row by row, as an
/// <see cref="InputEncoding"/> says (no trainable parameters). Output row:
/// <c>[numeric values, one-hot slots, category codes]</c>, where a numeric value is
/// <c>z = (fill(x) - shift) * scale</c> (plus <c>sign(d) log(1 + c |d|)</c> for columns with a log scale c), smooth-clipped to <c>z / sqrt(1 + z^2 / 9)</c> when the encoding clips.
/// Because the layer is part of the network, the exported ONNX graph takes the raw feature vector, so scoring
/// needs no preprocessing outside the graph.
/// </summary>
public sealed class TabularInputEncoder : Layer, IOnnxExportable
{
    private const float OneNinth = 1f / 9f;
    private readonly InputEncoding _encoding;
    private readonly int[] _numeric;
    private readonly float[] _fill;
    private readonly float[] _shift;
    private readonly float[] _scale;
    private readonly float[] _logScale;
    private readonly int[] _oneHot;
    private Tensor? _output;

    /// <summary>Creates the layer for a fitted encoding.</summary>
    public TabularInputEncoder(InputEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        _encoding = encoding;
        _numeric = [.. encoding.NumericSlots];
        _fill = [.. encoding.Fill];
        _shift = [.. encoding.Shift];
        _scale = [.. encoding.Scale];
        _logScale = [.. encoding.LogScale];
        _oneHot = [.. encoding.OneHotSlots];
    }

    /// <summary>The encoding applied.</summary>
    public InputEncoding Encoding => _encoding;

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        if (inputShape.Rank != 1 || inputShape[0] != _encoding.Width)
        {
            throw new ArgumentException($"TabularInputEncoder expects flat samples of [{_encoding.Width}] features, got {inputShape}.", nameof(inputShape));
        }

        return TensorShape.Vector(_encoding.EncodedWidth);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        var n = input.Batch;
        var inW = _encoding.Width;
        var outW = _encoding.EncodedWidth;
        var x = input.Span;
        var y = Tensor.Ensure(ref _output, n, OutputShape).Span;
        for (var i = 0; i < n; i++)
        {
            Encode(x.Slice(i * inW, inW), y.Slice(i * outW, outW));
        }

        return _output!;
    }

    /// <summary>Encodes one raw row into <paramref name="encoded"/> (<see cref="InputEncoding.EncodedWidth"/> values).</summary>
    public void Encode(ReadOnlySpan<float> row, Span<float> encoded)
    {
        var o = 0;
        for (var j = 0; j < _numeric.Length; j++)
        {
            var v = row[_numeric[j]];
            var d = (float.IsNaN(v) ? _fill[j] : v) - _shift[j];
            var z = d * _scale[j];
            if (_logScale[j] > 0f)
            {
                // Same operation order as the exported graph: Abs, Mul, Add, Log, Sign, Mul, Add.
                z += MathF.Sign(d) * MathF.Log((MathF.Abs(d) * _logScale[j]) + 1f);
            }

            if (_encoding.Clip)
            {
                // Same operation order as the exported graph: Mul, Mul, Add, Sqrt, Div.
                var t = z * z;
                t *= OneNinth;
                t += 1f;
                z /= MathF.Sqrt(t);
            }

            encoded[o++] = z;
        }

        foreach (var s in _oneHot)
        {
            var v = row[s];
            encoded[o++] = float.IsNaN(v) ? 0f : v;
        }

        foreach (var block in _encoding.EmbeddedBlocks)
        {
            var best = 0;
            var max = float.NegativeInfinity;
            for (var s = 0; s < block.Width; s++)
            {
                var v = row[block.Start + s];
                v = float.IsNaN(v) ? 0f : v;
                if (v > max)
                {
                    max = v;
                    best = s;
                }
            }

            encoded[o++] = max > 0f ? best + 1 : 0f;
        }
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context) =>
        NeedsInputGradient
            ? throw new InvalidOperationException("TabularInputEncoder must be the first layer: it has no input gradient.")
            : null;

    /// <summary>
    /// Numeric part: Gather, Where(IsNaN, fill), Sub, Mul, and for clipping Mul, Mul, Add, Sqrt, Div. One-hot part:
    /// Gather, Where(IsNaN, 0). Per embedded block: Gather, Where(IsNaN, 0), ArgMax and ReduceMax over the block,
    /// <c>code = (argmax + 1) * (max &gt; 0)</c>. Then Concat.
    /// </summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var parts = new List<string>();
        string? zeroName = null;
        string Zero() => zeroName ??= graph.AddScalar("enc_zero", 0f);
        if (_numeric.Length > 0)
        {
            var m = (long)_numeric.Length;
            var x = Gather(graph, input, _numeric);
            x = graph.AddNode("Where", [graph.AddNode("IsNaN", [x]), graph.AddInitializer("enc_fill", [m], _fill), x]);
            var d = graph.AddNode("Sub", [x, graph.AddInitializer("enc_shift", [m], _shift)]);
            x = graph.AddNode("Mul", [d, graph.AddInitializer("enc_scale", [m], _scale)]);
            if (_logScale.Any(c => c > 0f))
            {
                // sign(d) log(1 + c |d|); c = 0 (linear columns) adds exactly 0.
                var magnitude = graph.AddNode("Mul", [graph.AddNode("Abs", [d]), graph.AddInitializer("enc_log_scale", [m], _logScale)]);
                var log = graph.AddNode("Log", [graph.AddNode("Add", [magnitude, graph.AddScalar("enc_log_one", 1f)])]);
                x = graph.AddNode("Add", [x, graph.AddNode("Mul", [graph.AddNode("Sign", [d]), log])]);
            }

            if (_encoding.Clip)
            {
                var t = graph.AddNode("Mul", [x, x]);
                t = graph.AddNode("Mul", [t, graph.AddScalar("enc_one_ninth", OneNinth)]);
                t = graph.AddNode("Add", [t, graph.AddScalar("enc_one", 1f)]);
                x = graph.AddNode("Div", [x, graph.AddNode("Sqrt", [t])]);
            }

            parts.Add(x);
        }

        if (_oneHot.Length > 0)
        {
            var x = Gather(graph, input, _oneHot);
            parts.Add(graph.AddNode("Where", [graph.AddNode("IsNaN", [x]), Zero(), x]));
        }

        foreach (var block in _encoding.EmbeddedBlocks)
        {
            var x = Gather(graph, input, [.. Enumerable.Range(block.Start, block.Width)]);
            x = graph.AddNode("Where", [graph.AddNode("IsNaN", [x]), Zero(), x]);
            var index = graph.AddNode("Cast", [graph.AddNode("ArgMax", [x], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 1))],
                OnnxAttribute.Int("to", 1));
            var max = graph.AddNode("ReduceMax", [x], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 1));
            var hot = graph.AddNode("Cast", [graph.AddNode("Greater", [max, Zero()])], OnnxAttribute.Int("to", 1));
            parts.Add(graph.AddNode("Mul", [graph.AddNode("Add", [index, graph.AddScalar("enc_one", 1f)]), hot]));
        }

        return parts.Count == 1 ? parts[0] : graph.AddNode("Concat", parts, OnnxAttribute.Int("axis", 1));
    }

    private static string Gather(OnnxGraphBuilder graph, string input, int[] slots) =>
        graph.AddNode("Gather", [input, graph.AddInitializer("enc_idx", [slots.Length], [.. slots.Select(s => (long)s)])],
            OnnxAttribute.Int("axis", 1));
}
