using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// A residual block (He et al. 2016): <c>a = pre(x)</c>, <c>y = body(a) + shortcut(a)</c>, or
/// <c>y = body(a) + x</c> without a shortcut branch (identity). Each part is a chain of layers; <c>pre</c> may be
/// empty. With <c>pre = [BatchNorm2D, ReLU]</c> and a body <c>conv, BN, ReLU, conv</c> this is the pre-activation
/// block of "Identity Mappings in Deep Residual Networks" (He et al. 2016b); a strided block gives the shortcut a
/// 1x1 strided convolution of the pre-activated input.
/// </summary>
/// <remarks>
/// <para>Backward: <c>da = dBody(dy) + dShortcut(dy)</c>, then <c>dx = dPre(da)</c>; with the identity shortcut
/// <c>dx = dPre(dBody(dy)) + dy</c>. The sub-layers are built and owned by the block, and fused with the network's
/// layers (a ReLU after a batch norm or convolution runs in that layer's pass); the network sees one layer whose parameters and buffers are the
/// parts' in the order pre, body, shortcut.</para>
/// <para>ONNX: the branches are exported like a network's layers (a convolution absorbs the batch norm after it)
/// and joined by <c>Add</c>.</para>
/// </remarks>
public sealed class ResidualBlock : Layer, IOnnxExportable
{
    private readonly Layer[] _pre;
    private readonly Layer[] _body;
    private readonly Layer[]? _shortcut;
    private Parameter[] _parameters = [];
    private float[][] _buffers = [];
    private Tensor? _output;
    private Tensor? _preGradient;
    private Tensor? _inputGradient;

    /// <summary>Creates the block.</summary>
    /// <param name="body">The residual branch F (at least one layer).</param>
    /// <param name="shortcut">The projection branch reading <c>pre(x)</c>, or null for the identity on x.</param>
    /// <param name="pre">Layers applied first, feeding both branches (e.g. batch norm + ReLU); null = none.</param>
    public ResidualBlock(IEnumerable<Layer> body, IEnumerable<Layer>? shortcut = null, IEnumerable<Layer>? pre = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = [.. body];
        _shortcut = shortcut is null ? null : [.. shortcut];
        _pre = pre is null ? [] : [.. pre];
        if (_body.Length == 0)
        {
            throw new ArgumentException("A residual block needs at least one layer in its body.", nameof(body));
        }

        if (_shortcut is { Length: 0 })
        {
            throw new ArgumentException("An empty shortcut branch: pass null for the identity shortcut.", nameof(shortcut));
        }
    }

    /// <summary>Layers before the branches.</summary>
    public IReadOnlyList<Layer> Pre => _pre;

    /// <summary>The residual branch.</summary>
    public IReadOnlyList<Layer> Body => _body;

    /// <summary>The projection branch, or null (identity on the block's input).</summary>
    public IReadOnlyList<Layer>? Shortcut => _shortcut;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <inheritdoc />
    public override IReadOnlyList<float[]> Buffers => _buffers;

    private IEnumerable<Layer> AllLayers => _pre.Concat(_body).Concat(_shortcut ?? []);

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        var a = BuildChain(_pre, inputShape, random);
        var y = BuildChain(_body, a, random);
        var skip = _shortcut is null ? inputShape : BuildChain(_shortcut, a, random);
        if (!skip.Equals(y))
        {
            throw new ArgumentException(
                $"ResidualBlock: the body gives {y} but the {(_shortcut is null ? "identity shortcut" : "shortcut")} gives {skip}; " +
                (_shortcut is null ? "add a shortcut branch (e.g. a 1x1 convolution with the body's stride and filters)." : "they must match."),
                nameof(inputShape));
        }

        _parameters = [.. AllLayers.SelectMany(l => l.Parameters)];
        _buffers = [.. AllLayers.SelectMany(l => l.Buffers)];
        return y;
    }

    /// <summary>Fuses activations inside each branch; called by <see cref="LayerFusion"/> when the network fuses.</summary>
    internal void FuseBranches()
    {
        LayerFusion.Fuse(_pre);
        LayerFusion.Fuse(_body);
        if (_shortcut is not null)
        {
            LayerFusion.Fuse(_shortcut);
        }
    }

    private static TensorShape BuildChain(Layer[] chain, TensorShape shape, Random random)
    {
        foreach (var layer in chain)
        {
            layer.Build(shape, random);
            shape = layer.OutputShape;
        }

        return shape;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        var a = ForwardChain(_pre, input, context);
        var body = ForwardChain(_body, a, context);
        var skip = _shortcut is null ? input : ForwardChain(_shortcut, a, context);
        var y = Tensor.Ensure(ref _output, input.Batch, OutputShape);
        TensorPrimitives.Add(body.Span, skip.Span, y.Span);
        return y;
    }

    private static Tensor ForwardChain(Layer[] chain, Tensor x, PassContext context)
    {
        foreach (var layer in chain)
        {
            x = layer.Forward(x, context);
        }

        return x;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        SetInputGradientNeeds();
        var batch = outputGradient.Batch;
        var da = BackwardChain(_body, outputGradient, context);
        if (_shortcut is not null)
        {
            var ds = BackwardChain(_shortcut, outputGradient, context);
            if (da is not null && ds is not null)
            {
                var sum = Tensor.Ensure(ref _preGradient, batch, _shortcut[0].InputShape);
                TensorPrimitives.Add(da.Span, ds.Span, sum.Span);
                da = sum;
            }
        }

        var dx = _pre.Length == 0 ? da : (da is null ? null : BackwardChain(_pre, da, context));
        if (!NeedsInputGradient)
        {
            return null;
        }

        if (_shortcut is null)
        {
            var total = Tensor.Ensure(ref _inputGradient, batch, InputShape);
            TensorPrimitives.Add(dx!.Span, outputGradient.Span, total.Span);
            return total;
        }

        return dx;
    }

    /// <summary>
    /// Every inner layer passes its input gradient on, except the block's first layers when nothing upstream of the
    /// block needs one (their parameters still get gradients).
    /// </summary>
    private void SetInputGradientNeeds()
    {
        foreach (var layer in AllLayers)
        {
            layer.NeedsInputGradient = true;
        }

        if (_pre.Length > 0)
        {
            _pre[0].NeedsInputGradient = NeedsInputGradient;
        }
        else
        {
            _body[0].NeedsInputGradient = NeedsInputGradient;
            if (_shortcut is not null)
            {
                _shortcut[0].NeedsInputGradient = NeedsInputGradient;
            }
        }
    }

    private static Tensor? BackwardChain(Layer[] chain, Tensor gradient, PassContext context)
    {
        Tensor? g = gradient;
        for (var i = chain.Length - 1; i >= 0 && g is not null; i--)
        {
            g = chain[i].Backward(g, context);
        }

        return g;
    }

    /// <summary>The branches as their layers' nodes, joined by <c>Add</c>.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var a = OnnxExporter.ExportLayers(graph, _pre, input);
        var body = OnnxExporter.ExportLayers(graph, _body, a);
        var skip = _shortcut is null ? input : OnnxExporter.ExportLayers(graph, _shortcut, a);
        return graph.AddNode("Add", [body, skip]);
    }

    /// <inheritdoc />
    public override string Kind => _shortcut is null ? "ResidualBlock" : "ResidualBlock(projection)";
}
