using System.Text;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Networks;

/// <summary>
/// A chain of layers from one input shape to one output. Build it with <see cref="Add"/> then <see cref="Build"/>;
/// train it with <see cref="Training.NetworkTrainer"/>; export it with <see cref="Onnx.OnnxExporter"/>.
/// </summary>
/// <example>
/// <code>
/// var net = new Network(16).Add(new Dense(256)).Add(new Relu()).Add(new Dense(26));
/// net.Build(seed: 42);
/// </code>
/// </example>
public sealed class Network
{
    private readonly List<Layer> _layers = [];
    private readonly PassContext _context = new();
    private Parameter[] _parameters = [];

    /// <summary>Creates an empty network for samples of <paramref name="inputShape"/>.</summary>
    public Network(TensorShape inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        InputShape = inputShape;
    }

    /// <summary>Creates an empty network for flat samples of <paramref name="inputFeatures"/> floats.</summary>
    public Network(int inputFeatures)
        : this(TensorShape.Vector(inputFeatures))
    {
    }

    /// <summary>Per-sample input shape.</summary>
    public TensorShape InputShape { get; }

    /// <summary>Per-sample output shape (after <see cref="Build"/>).</summary>
    public TensorShape OutputShape => _layers.Count == 0 ? InputShape : _layers[^1].OutputShape;

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>True after <see cref="Build"/>.</summary>
    public bool IsBuilt { get; private set; }

    /// <summary>All trainable parameters, layer by layer.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Total number of trainable scalars.</summary>
    public long ParameterCount => _parameters.Sum(p => (long)p.Value.Length);

    /// <summary>
    /// Threads for parallel kernels (GEMM); 0 or less = all cores. Results are bit-identical for any value.
    /// </summary>
    public int Threads
    {
        get => _context.Threads;
        set => _context.Threads = value <= 0 ? Environment.ProcessorCount : value;
    }

    /// <summary>Fuse Dense + ReLU / leaky ReLU into one GEMM epilogue at <see cref="Build"/> (default true; off only to compare).</summary>
    public bool FuseDenseActivations { get; set; } = true;

    /// <summary>Appends a layer; not allowed after <see cref="Build"/>.</summary>
    public Network Add(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (IsBuilt)
        {
            throw new InvalidOperationException("Cannot add layers to a built network.");
        }

        _layers.Add(layer);
        return this;
    }

    /// <summary>
    /// Builds every layer in order (each sees the previous output shape) and initializes all parameters from
    /// <paramref name="seed"/>. Same seed, same weights.
    /// </summary>
    public Network Build(int seed)
    {
        if (IsBuilt)
        {
            throw new InvalidOperationException("The network is already built.");
        }

        if (_layers.Count == 0)
        {
            throw new InvalidOperationException("The network has no layers.");
        }

        var random = new Random(seed);
        var shape = InputShape;
        var upstreamTrainable = false;
        foreach (var layer in _layers)
        {
            layer.Build(shape, random);
            layer.NeedsInputGradient = upstreamTrainable;
            upstreamTrainable |= layer.Parameters.Count > 0;
            shape = layer.OutputShape;
        }

        FuseActivations();
        _parameters = [.. _layers.SelectMany(l => l.Parameters)];
        IsBuilt = true;
        return this;
    }

    /// <summary>Runs the batch through all layers; the result is owned by the last layer (valid until the next call).</summary>
    public Tensor Forward(Tensor input, bool training)
    {
        ArgumentNullException.ThrowIfNull(input);
        EnsureBuilt();
        _context.Training = training;
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Forward(x, _context);
        }

        return x;
    }

    /// <summary>Back-propagates dLoss/dOutput of the last forward; afterwards every parameter holds its gradient.</summary>
    public void Backward(Tensor outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        EnsureBuilt();
        var g = outputGradient;
        for (var i = _layers.Count - 1; i >= 0; i--)
        {
            var next = _layers[i].Backward(g, _context);
            if (next is null)
            {
                break;
            }

            g = next;
        }
    }

    /// <summary>Inference on <paramref name="rows"/> samples stored row-major in <paramref name="features"/>; returns outputs row-major.</summary>
    public float[] Predict(ReadOnlySpan<float> features, int rows, int batchSize = 1024)
    {
        EnsureBuilt();
        var inSize = InputShape.Size;
        if (features.Length != rows * inSize)
        {
            throw new ArgumentException($"Expected {rows} x {inSize} = {rows * inSize} features, got {features.Length}.", nameof(features));
        }

        var outSize = OutputShape.Size;
        var result = new float[rows * outSize];
        var batch = new Tensor(Math.Min(batchSize, Math.Max(rows, 1)), InputShape);
        for (var start = 0; start < rows; start += batchSize)
        {
            var count = Math.Min(batchSize, rows - start);
            batch.Resize(count);
            features.Slice(start * inSize, count * inSize).CopyTo(batch.Span);
            var y = Forward(batch, training: false);
            y.Span.CopyTo(result.AsSpan(start * outSize, count * outSize));
        }

        return result;
    }

    /// <summary>Copies all parameter values and buffers (e.g. batch-norm statistics) into a snapshot.</summary>
    public NetworkState CaptureState()
    {
        EnsureBuilt();
        return new NetworkState([.. _layers.SelectMany(l => l.Parameters.Select(p => p.Value).Concat(l.Buffers)).Select(a => (float[])a.Clone())]);
    }

    /// <summary>Restores values captured by <see cref="CaptureState"/> from this network (or one of identical architecture).</summary>
    public void RestoreState(NetworkState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        EnsureBuilt();
        var targets = _layers.SelectMany(l => l.Parameters.Select(p => p.Value).Concat(l.Buffers)).ToArray();
        if (targets.Length != state.Arrays.Count)
        {
            throw new ArgumentException($"State holds {state.Arrays.Count} arrays, the network has {targets.Length}.", nameof(state));
        }

        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i].Length != state.Arrays[i].Length)
            {
                throw new ArgumentException($"State array {i} has {state.Arrays[i].Length} values, expected {targets[i].Length}.", nameof(state));
            }

            state.Arrays[i].CopyTo(targets[i], 0);
        }
    }

    /// <summary>One line per layer: kind, output shape, parameter count.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.Append("input ").Append(InputShape).AppendLine();
        foreach (var l in _layers)
        {
            sb.Append(l.Kind).Append(' ').Append(l.IsBuilt ? l.OutputShape.ToString() : "?")
              .Append(" params=").Append(l.Parameters.Sum(p => p.Value.Length)).AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>Fuses activations into the layers before them (see <see cref="LayerFusion"/>) unless turned off.</summary>
    private void FuseActivations()
    {
        if (FuseDenseActivations)
        {
            LayerFusion.Fuse(_layers);
        }
    }

    private void EnsureBuilt()
    {
        if (!IsBuilt)
        {
            throw new InvalidOperationException("Call Build(seed) before using the network.");
        }
    }
}
