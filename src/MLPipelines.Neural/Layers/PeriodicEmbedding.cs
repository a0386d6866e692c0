using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Periodic embeddings of numeric features ("On Embeddings for Numerical Features in Tabular Deep Learning",
/// Gorishniy et al. 2022): each embedded feature x_i becomes
/// <c>v_i = [sin(2 pi c_i x_i), cos(2 pi c_i x_i)]</c> with k trainable frequencies c_i ~ N(0, sigma^2),
/// optionally followed by a per-feature linear map <c>o_i = W_i v_i + b_i</c> (W_i: [2k, d]); add a ReLU after
/// the layer for the paper's PLR variant. Output row: <c>[o_1, ..., o_F, pass-through columns]</c>.
/// </summary>
/// <remarks>
/// Backward: with <c>a = 2 pi c x</c>, <c>da = dv_sin cos a - dv_cos sin a</c>, <c>dc = da 2 pi x</c>,
/// <c>dx = sum_j da_j 2 pi c_j</c>; the linear part as in <see cref="Dense"/>, per feature.
/// </remarks>
public sealed class PeriodicEmbedding : Layer, IOnnxExportable
{
    private readonly int[]? _requestedColumns;
    private int[] _columns = [];
    private int[] _passThrough = [];
    private Parameter? _frequencies;
    private Parameter? _weight;
    private Parameter? _bias;
    private float[] _v = [];
    private float[] _dv = [];
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the layer.</summary>
    /// <param name="frequencies">k, frequencies per feature.</param>
    /// <param name="sigma">Standard deviation of the initial frequencies (the paper tunes it in [0.01, 100]).</param>
    /// <param name="dimension">d of the per-feature linear map; 0 = no linear map (output 2k per feature).</param>
    /// <param name="columns">Input columns to embed; null = all. Other columns pass through after the embeddings.</param>
    public PeriodicEmbedding(int frequencies = 16, float sigma = 1f, int dimension = 16, IReadOnlyList<int>? columns = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frequencies, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        if (!(sigma > 0f) || !float.IsFinite(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be finite and > 0.");
        }

        Frequencies = frequencies;
        Sigma = sigma;
        Dimension = dimension;
        _requestedColumns = columns is null ? null : [.. columns.Distinct().Order()];
    }

    /// <summary>k, frequencies per feature.</summary>
    public int Frequencies { get; }

    /// <summary>Initial frequency scale.</summary>
    public float Sigma { get; }

    /// <summary>d of the per-feature linear map (0 = none).</summary>
    public int Dimension { get; }

    /// <summary>Width of one embedded feature in the output: d, or 2k without the linear map.</summary>
    public int FeatureWidth => Dimension > 0 ? Dimension : 2 * Frequencies;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters =>
        _weight is null ? [_frequencies!] : [_frequencies!, _weight, _bias!];

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        if (inputShape.Rank != 1)
        {
            throw new ArgumentException($"PeriodicEmbedding expects flat samples [features], got {inputShape}.", nameof(inputShape));
        }

        var width = inputShape[0];
        _columns = _requestedColumns ?? [.. Enumerable.Range(0, width)];
        if (_columns.Length == 0 || _columns[0] < 0 || _columns[^1] >= width)
        {
            throw new ArgumentException($"PeriodicEmbedding columns must be within the {width} input features.", nameof(inputShape));
        }

        var embedded = new HashSet<int>(_columns);
        _passThrough = [.. Enumerable.Range(0, width).Where(i => !embedded.Contains(i))];
        var f = _columns.Length;
        var k = Frequencies;
        _frequencies = new Parameter("frequencies", new TensorShape(f, k), ParameterRole.Embedding);
        WeightInitializer.FillNormal(_frequencies.Value, Sigma, random);
        if (Dimension > 0)
        {
            _weight = new Parameter("weight", new TensorShape(f, 2 * k, Dimension), ParameterRole.Weight);
            WeightInitializer.FillUniform(_weight.Value, 1 / Math.Sqrt(2 * k), random);
            _bias = new Parameter("bias", new TensorShape(f, Dimension), ParameterRole.Bias);
            WeightInitializer.FillUniform(_bias.Value, 1 / Math.Sqrt(2 * k), random);
        }

        _dv = new float[2 * k];
        return TensorShape.Vector((f * FeatureWidth) + _passThrough.Length);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        _input = input;
        var n = input.Batch;
        int inW = InputShape[0], outW = OutputShape[0], f = _columns.Length, k = Frequencies, d = Dimension, fw = FeatureWidth;
        if (_v.Length < n * f * 2 * k)
        {
            _v = new float[input.Data.Length / inW * f * 2 * k];
        }

        var x = input.Span;
        var y = Tensor.Ensure(ref _output, n, OutputShape).Span;
        var c = _frequencies!.Value;
        for (var s = 0; s < n; s++)
        {
            var yr = y.Slice(s * outW, outW);
            for (var i = 0; i < f; i++)
            {
                var xi = x[(s * inW) + _columns[i]];
                var v = _v.AsSpan(((s * f) + i) * 2 * k, 2 * k);
                for (var j = 0; j < k; j++)
                {
                    var a = 2 * MathF.PI * c[(i * k) + j] * xi;
                    (v[j], v[k + j]) = MathF.SinCos(a);
                }

                var o = yr.Slice(i * fw, fw);
                if (d == 0)
                {
                    v.CopyTo(o);
                    continue;
                }

                _bias!.Value.AsSpan(i * d, d).CopyTo(o);
                var w = _weight!.Value.AsSpan(i * 2 * k * d, 2 * k * d);
                for (var m = 0; m < 2 * k; m++)
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(w.Slice(m * d, d), v[m], o, o);
                }
            }

            for (var p = 0; p < _passThrough.Length; p++)
            {
                yr[(f * fw) + p] = x[(s * inW) + _passThrough[p]];
            }
        }

        return _output!;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        var input = _input ?? throw new InvalidOperationException("PeriodicEmbedding.Backward called before Forward.");
        var n = input.Batch;
        int inW = InputShape[0], outW = OutputShape[0], f = _columns.Length, k = Frequencies, d = Dimension, fw = FeatureWidth;
        var x = input.Span;
        var dy = outputGradient.Span;
        var c = _frequencies!.Value;
        var dc = _frequencies.Gradient;
        Array.Clear(dc);
        if (_weight is not null)
        {
            Array.Clear(_weight.Gradient);
            Array.Clear(_bias!.Gradient);
        }

        var dx = NeedsInputGradient ? Tensor.Ensure(ref _inputGradient, n, InputShape).Span : default;
        dx.Clear();
        for (var s = 0; s < n; s++)
        {
            for (var i = 0; i < f; i++)
            {
                var v = _v.AsSpan(((s * f) + i) * 2 * k, 2 * k);
                var go = dy.Slice((s * outW) + (i * fw), fw);
                if (d == 0)
                {
                    go.CopyTo(_dv);
                }
                else
                {
                    var w = _weight!.Value.AsSpan(i * 2 * k * d, 2 * k * d);
                    var dw = _weight.Gradient.AsSpan(i * 2 * k * d, 2 * k * d);
                    var db = _bias!.Gradient.AsSpan(i * d, d);
                    System.Numerics.Tensors.TensorPrimitives.Add(db, go, db);
                    for (var m = 0; m < 2 * k; m++)
                    {
                        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(go, v[m], dw.Slice(m * d, d), dw.Slice(m * d, d));
                        _dv[m] = System.Numerics.Tensors.TensorPrimitives.Dot(w.Slice(m * d, d), go);
                    }
                }

                var xi = x[(s * inW) + _columns[i]];
                var gx = 0f;
                for (var j = 0; j < k; j++)
                {
                    // v[j] = sin a, v[k + j] = cos a: da = dv_sin cos a - dv_cos sin a.
                    var da = (_dv[j] * v[k + j]) - (_dv[k + j] * v[j]);
                    dc[(i * k) + j] += da * 2 * MathF.PI * xi;
                    gx += da * 2 * MathF.PI * c[(i * k) + j];
                }

                if (NeedsInputGradient)
                {
                    dx[(s * inW) + _columns[i]] = gx;
                }
            }

            if (NeedsInputGradient)
            {
                for (var p = 0; p < _passThrough.Length; p++)
                {
                    dx[(s * inW) + _passThrough[p]] = dy[(s * outW) + (f * fw) + p];
                }
            }
        }

        return NeedsInputGradient ? _inputGradient : null;
    }

    /// <summary>
    /// Exported as Gather, Unsqueeze, Mul (2 pi c), Sin, Cos, Concat, then the per-feature linear map as a batched
    /// MatMul over features (Transpose [F, N, 2k] x [F, 2k, d]), Transpose back, Add bias, Flatten; pass-through
    /// columns are gathered and concatenated after.
    /// </summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int f = _columns.Length, k = Frequencies, d = Dimension;
        var cols = graph.AddInitializer("pe_columns", [f], [.. _columns.Select(i => (long)i)]);
        var xe = graph.AddNode("Gather", [input, cols], OnnxAttribute.Int("axis", 1));
        var x3 = graph.AddNode("Unsqueeze", [xe, graph.AddInitializer("pe_axis2", [1], [2L])]);
        var twoPiC = _frequencies!.Value.Select(v => 2 * MathF.PI * v).ToArray();
        var a = graph.AddNode("Mul", [x3, graph.AddInitializer("pe_2pi_c", [f, k], twoPiC)]);
        var v = graph.AddNode("Concat", [graph.AddNode("Sin", [a]), graph.AddNode("Cos", [a])], OnnxAttribute.Int("axis", 2));
        if (d > 0)
        {
            var vt = graph.AddNode("Transpose", [v], OnnxAttribute.Ints("perm", 1, 0, 2));
            var mm = graph.AddNode("MatMul", [vt, graph.AddInitializer("pe_weight", [f, 2 * k, d], _weight!.Value)]);
            var back = graph.AddNode("Transpose", [mm], OnnxAttribute.Ints("perm", 1, 0, 2));
            v = graph.AddNode("Add", [back, graph.AddInitializer("pe_bias", [f, d], _bias!.Value)]);
        }

        var flat = graph.AddNode("Flatten", [v], OnnxAttribute.Int("axis", 1));
        if (_passThrough.Length == 0)
        {
            return flat;
        }

        var rest = graph.AddNode("Gather", [input, graph.AddInitializer("pe_pass", [_passThrough.Length], [.. _passThrough.Select(i => (long)i)])], OnnxAttribute.Int("axis", 1));
        return graph.AddNode("Concat", [flat, rest], OnnxAttribute.Int("axis", 1));
    }
}
