using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// A dense layer shared by k ensemble members, each with its own cheap adapters (BatchEnsemble, Wen et al. 2020,
/// as used by TabM): on samples <c>[k, in]</c>, member i computes <c>y_i = ((x_i * r_i) W) * s_i + b_i</c> with the
/// shared weight W <c>[in, out]</c>, and per-member input scaling r <c>[k, in]</c>, output scaling s <c>[k, out]</c>
/// and bias b <c>[k, out]</c> (each optional; without member bias the bias is shared, <c>[out]</c>).
/// </summary>
/// <remarks>
/// <para>The k members of a batch of N samples form one <c>[N k, in] x [in, out]</c> GEMM, so the shared weight is
/// read once per batch whatever k is.</para>
/// <para>Backward, with <c>u = x * r</c> and <c>z = u W</c> (kept from forward): <c>db_i = sum_n dy</c>,
/// <c>ds_i = sum_n dy * z</c>, <c>dz = dy * s</c>, <c>dW = u^T dz</c>, <c>du = dz W^T</c>,
/// <c>dr_i = sum_n du * x</c>, <c>dx = du * r</c>.</para>
/// <para>Adapters are scales, not weights: they have the <see cref="ParameterRole.Normalization"/> role and no weight
/// decay (decay would pull a member's scale towards 0, not towards the shared layer).</para>
/// </remarks>
public sealed class BatchEnsembleDense : Layer, IOnnxExportable
{
    private readonly int[]? _initChunks;
    private Parameter? _weight;
    private Parameter? _inputScale;
    private Parameter? _outputScale;
    private Parameter? _bias;
    private Tensor? _input;
    private Tensor? _scaled;
    private Tensor? _product;
    private Tensor? _output;
    private Tensor? _productGradient;
    private Tensor? _scaledGradient;
    private Tensor? _inputGradient;
    private int _members;

    /// <summary>Creates the layer.</summary>
    /// <param name="units">Outputs per member.</param>
    /// <param name="inputScaling">Per-member input adapter r.</param>
    /// <param name="outputScaling">Per-member output adapter s (initialized to ones).</param>
    /// <param name="memberBias">One bias per member (all k start equal); false = one shared bias.</param>
    /// <param name="inputInit">How r starts.</param>
    /// <param name="initChunks">
    /// Optional input widths that each take one random value of r per member (TabM's chunks: one per input feature,
    /// so all values of one feature's embedding get the same scale); must sum to the input width. Null = per value.
    /// </param>
    /// <param name="initializer">Initialization of the shared weight (fan-in = in).</param>
    public BatchEnsembleDense(
        int units, bool inputScaling = true, bool outputScaling = true, bool memberBias = true,
        AdapterInitialization inputInit = AdapterInitialization.RandomSigns, IReadOnlyList<int>? initChunks = null,
        Initializer initializer = Initializer.HeNormal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        if (initChunks is not null && initChunks.Any(c => c < 1))
        {
            throw new ArgumentException("Initialization chunks must be >= 1.", nameof(initChunks));
        }

        Units = units;
        InputScaling = inputScaling;
        OutputScaling = outputScaling;
        MemberBias = memberBias;
        InputInit = inputInit;
        Initializer = initializer;
        _initChunks = initChunks is null ? null : [.. initChunks];
    }

    /// <summary>Outputs per member.</summary>
    public int Units { get; }

    /// <summary>Whether each member scales the layer's input (r).</summary>
    public bool InputScaling { get; }

    /// <summary>Whether each member scales the layer's output (s).</summary>
    public bool OutputScaling { get; }

    /// <summary>Whether each member has its own bias.</summary>
    public bool MemberBias { get; }

    /// <summary>How r starts.</summary>
    public AdapterInitialization InputInit { get; }

    /// <summary>Initialization of the shared weight.</summary>
    public Initializer Initializer { get; }

    /// <summary>Number of members k (from the input shape).</summary>
    public int Members => _members;

    /// <summary>Shared weight <c>[in, out]</c>.</summary>
    public Parameter Weight => _weight ?? throw new InvalidOperationException("BatchEnsembleDense is not built.");

    /// <summary>Input adapter r <c>[k, in]</c>, or null.</summary>
    public Parameter? InputScale => _inputScale;

    /// <summary>Output adapter s <c>[k, out]</c>, or null.</summary>
    public Parameter? OutputScale => _outputScale;

    /// <summary>Bias, <c>[k, out]</c> per member or <c>[out]</c> shared.</summary>
    public Parameter Bias => _bias ?? throw new InvalidOperationException("BatchEnsembleDense is not built.");

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters =>
        [Weight, .. _inputScale is null ? Array.Empty<Parameter>() : [_inputScale], .. _outputScale is null ? Array.Empty<Parameter>() : [_outputScale], Bias];

    private int In => InputShape[1];

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        if (inputShape.Rank != 2)
        {
            throw new ArgumentException($"BatchEnsembleDense expects ensemble samples [members, features], got {inputShape}; add an EnsembleView first.", nameof(inputShape));
        }

        (_members, var fanIn) = (inputShape[0], inputShape[1]);
        if (_initChunks is not null && _initChunks.Sum() != fanIn)
        {
            throw new ArgumentException($"Initialization chunks sum to {_initChunks.Sum()}, the input has {fanIn} features.", nameof(inputShape));
        }

        _weight = new Parameter("weight", new TensorShape(fanIn, Units), ParameterRole.Weight);
        WeightInitializer.Fill(Initializer, _weight.Value, fanIn, Units, random);
        if (InputScaling)
        {
            _inputScale = new Parameter("input_scale", new TensorShape(_members, fanIn), ParameterRole.Normalization);
            FillAdapter(_inputScale.Value, fanIn, random);
        }

        if (OutputScaling)
        {
            _outputScale = new Parameter("output_scale", new TensorShape(_members, Units), ParameterRole.Normalization);
            _outputScale.Value.AsSpan().Fill(1f);
        }

        _bias = new Parameter("bias", MemberBias ? new TensorShape(_members, Units) : TensorShape.Vector(Units), ParameterRole.Bias);
        return new TensorShape(_members, Units);
    }

    private void FillAdapter(float[] r, int width, Random random)
    {
        var chunks = _initChunks ?? Enumerable.Repeat(1, width).ToArray();
        for (var i = 0; i < _members; i++)
        {
            var start = i * width;
            foreach (var chunk in chunks)
            {
                var value = InputInit switch
                {
                    AdapterInitialization.Ones => 1f,
                    AdapterInitialization.RandomSigns => random.Next(2) == 0 ? -1f : 1f,
                    _ => NextNormal(random),
                };
                r.AsSpan(start, chunk).Fill(value);
                start += chunk;
            }
        }
    }

    private static float NextNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        _input = input;
        var rows = input.Batch * _members;
        var u = input;
        if (_inputScale is not null)
        {
            u = Tensor.Ensure(ref _scaled, input.Batch, InputShape);
            ScaleRows(input.Span, _inputScale.Value, u.Span, rows, In);
        }

        var y = Tensor.Ensure(ref _output, input.Batch, OutputShape);
        if (_outputScale is null && !MemberBias)
        {
            Gemm.Multiply(false, false, rows, Units, In, 1f, u.Span, In, Weight.Value, Units, 0f, y.Span, Units,
                GemmEpilogue.ColumnBias(Bias.Value), context.Threads);
            return y;
        }

        var z = _outputScale is null ? y : Tensor.Ensure(ref _product, input.Batch, OutputShape);
        Gemm.Multiply(false, false, rows, Units, In, 1f, u.Span, In, Weight.Value, Units, 0f, z.Span, Units, context.Threads);
        var per = _members * Units;
        for (var n = 0; n < input.Batch; n++)
        {
            var zn = z.Data.AsSpan(n * per, per);
            var yn = y.Data.AsSpan(n * per, per);
            if (_outputScale is not null)
            {
                TensorPrimitives.Multiply(zn, _outputScale.Value, yn);
            }

            AddBias(yn);
        }

        return y;
    }

    private void AddBias(Span<float> memberRows)
    {
        if (MemberBias)
        {
            TensorPrimitives.Add(memberRows, Bias.Value, memberRows);
            return;
        }

        for (var i = 0; i < _members; i++)
        {
            var row = memberRows.Slice(i * Units, Units);
            TensorPrimitives.Add(row, Bias.Value, row);
        }
    }

    /// <summary><c>target[n, i, :] = source[n, i, :] * scale[i, :]</c> for all N k member rows.</summary>
    private void ScaleRows(ReadOnlySpan<float> source, ReadOnlySpan<float> scale, Span<float> target, int rows, int width)
    {
        var per = _members * width;
        for (var start = 0; start < rows * width; start += per)
        {
            TensorPrimitives.Multiply(source.Slice(start, per), scale, target.Slice(start, per));
        }
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var x = _input ?? throw new InvalidOperationException("BatchEnsembleDense.Backward called before Forward.");
        var batch = x.Batch;
        var rows = batch * _members;
        ReadOnlySpan<float> dy = outputGradient.Span;
        if (MemberBias)
        {
            SumOverBatch(dy, batch, _members * Units, Bias.Gradient);
        }
        else
        {
            MatrixReductions.SumColumns(dy, rows, Units, Units, Bias.Gradient);
        }

        var dz = dy;
        if (_outputScale is not null)
        {
            var z = _product!.Span;
            var buffer = Tensor.Ensure(ref _productGradient, batch, OutputShape).Span;
            TensorPrimitives.Multiply(dy, z, buffer);
            SumOverBatch(buffer, batch, _members * Units, _outputScale.Gradient);
            ScaleRows(dy, _outputScale.Value, buffer, rows, Units);
            dz = buffer;
        }

        var u = _inputScale is null ? x : _scaled!;
        Gemm.Multiply(true, false, In, Units, rows, 1f, u.Span, In, dz, Units, 0f, Weight.Gradient, Units, context.Threads);
        if (!NeedsInputGradient && _inputScale is null)
        {
            return null;
        }

        var du = Tensor.Ensure(ref _scaledGradient, batch, InputShape);
        Gemm.Multiply(false, true, rows, In, Units, 1f, dz, Units, Weight.Value, Units, 0f, du.Span, In, context.Threads);
        if (_inputScale is null)
        {
            return du;
        }

        // dr = sum over the batch of du * x (computed into dx's buffer, which is then overwritten by du * r).
        var dx = Tensor.Ensure(ref _inputGradient, batch, InputShape);
        TensorPrimitives.Multiply(du.Span, x.Span, dx.Span);
        SumOverBatch(dx.Span, batch, _members * In, _inputScale.Gradient);
        if (!NeedsInputGradient)
        {
            return null;
        }

        ScaleRows(du.Span, _inputScale.Value, dx.Span, rows, In);
        return dx;
    }

    /// <summary><c>sums[j] = sum over n of values[n * width + j]</c>: a per-member quantity summed over the batch.</summary>
    private static void SumOverBatch(ReadOnlySpan<float> values, int batch, int width, Span<float> sums) =>
        MatrixReductions.SumColumns(values, batch, width, width, sums);

    /// <summary>
    /// Exported on <c>[N, k, in]</c> as <c>Mul(r)</c>, <c>MatMul(W)</c>, <c>Mul(s)</c>, <c>Add(b)</c>, the adapters
    /// broadcasting over the batch.
    /// </summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var x = input;
        if (_inputScale is not null)
        {
            x = graph.AddNode("Mul", [x, graph.AddInitializer("ensemble_input_scale", [_members, In], _inputScale.Value)]);
        }

        x = graph.AddNode("MatMul", [x, graph.AddInitializer("ensemble_weight", [In, Units], Weight.Value)]);
        if (_outputScale is not null)
        {
            x = graph.AddNode("Mul", [x, graph.AddInitializer("ensemble_output_scale", [_members, Units], _outputScale.Value)]);
        }

        long[] biasDims = MemberBias ? [_members, Units] : [Units];
        return graph.AddNode("Add", [x, graph.AddInitializer("ensemble_bias", biasDims, Bias.Value)]);
    }
}
