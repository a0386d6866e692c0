namespace MLPipelines.Neural.Onnx;

/// <summary>
/// Collects the nodes, initializers, inputs and outputs of an ONNX graph and encodes the model (opset 13,
/// IR version 8). Layers add themselves through <see cref="IOnnxExportable"/>; callers may add pre- or
/// post-processing nodes the same way.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>The default-domain opset the graph targets.</summary>
    public const int Opset = 13;

    /// <summary>ONNX IR version written into the model.</summary>
    public const int IrVersion = 8;

    private readonly List<ProtoWriter> _nodes = [];
    private readonly List<ProtoWriter> _initializers = [];
    private readonly List<ProtoWriter> _inputs = [];
    private readonly List<ProtoWriter> _outputs = [];
    private readonly HashSet<string> _names = [];

    /// <summary>Returns a tensor/node name not used before in this graph, starting with <paramref name="prefix"/>.</summary>
    public string UniqueName(string prefix)
    {
        if (_names.Add(prefix))
        {
            return prefix;
        }

        for (var i = 1; ; i++)
        {
            var name = $"{prefix}_{i}";
            if (_names.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>Adds a float constant tensor and returns its name.</summary>
    public string AddInitializer(string prefix, long[] dims, ReadOnlySpan<float> values)
    {
        ArgumentNullException.ThrowIfNull(dims);
        CheckCount(dims, values.Length);
        var name = UniqueName(prefix);
        var t = new ProtoWriter();
        t.PackedInt64(1, dims);
        t.Int64(2, 1); // FLOAT
        t.String(8, name);
        var raw = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * 4), values[i]);
        }

        t.Bytes(9, raw);
        _initializers.Add(t);
        return name;
    }

    /// <summary>Adds an int64 constant tensor (indices, shapes) and returns its name.</summary>
    public string AddInitializer(string prefix, long[] dims, long[] values)
    {
        ArgumentNullException.ThrowIfNull(dims);
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(dims, values.Length);
        var name = UniqueName(prefix);
        var t = new ProtoWriter();
        t.PackedInt64(1, dims);
        t.Int64(2, 7); // INT64
        t.PackedInt64(7, values);
        t.String(8, name);
        _initializers.Add(t);
        return name;
    }

    /// <summary>A float scalar constant (rank 0) for broadcasting arithmetic.</summary>
    public string AddScalar(string prefix, float value) => AddInitializer(prefix, [], [value]);

    /// <summary>Adds a node <paramref name="opType"/> with one output and returns the output's name.</summary>
    public string AddNode(string opType, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes)
    {
        var output = UniqueName(opType.ToLowerInvariant());
        AddNode(opType, inputs, [output], attributes);
        return output;
    }

    /// <summary>Adds a node with explicit output names.</summary>
    public void AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(attributes);
        var n = new ProtoWriter();
        foreach (var i in inputs)
        {
            n.String(1, i);
        }

        foreach (var o in outputs)
        {
            _names.Add(o);
            n.String(2, o);
        }

        n.String(3, UniqueName("node_" + opType));
        n.String(4, opType);
        foreach (var a in attributes)
        {
            n.Message(5, a.Encode());
        }

        _nodes.Add(n);
    }

    /// <summary>Declares a float graph input of shape [N, dims...] with a symbolic batch dimension.</summary>
    public void AddInput(string name, params long[] dims)
    {
        if (!_names.Add(name))
        {
            throw new ArgumentException($"Name '{name}' is already used in the graph.", nameof(name));
        }

        _inputs.Add(ValueInfo(name, dims));
    }

    /// <summary>Declares a float graph output of shape [N, dims...]; <paramref name="name"/> must be produced by a node.</summary>
    public void AddOutput(string name, params long[] dims) => _outputs.Add(ValueInfo(name, dims));

    /// <summary>Encodes the ModelProto.</summary>
    public byte[] ToModel(string graphName, string producer, string producerVersion)
    {
        var g = new ProtoWriter();
        foreach (var n in _nodes)
        {
            g.Message(1, n);
        }

        g.String(2, graphName);
        foreach (var i in _initializers)
        {
            g.Message(5, i);
        }

        foreach (var i in _inputs)
        {
            g.Message(11, i);
        }

        foreach (var o in _outputs)
        {
            g.Message(12, o);
        }

        var opset = new ProtoWriter();
        opset.String(1, string.Empty);
        opset.Int64(2, Opset);
        var m = new ProtoWriter();
        m.Int64(1, IrVersion);
        m.String(2, producer);
        m.String(3, producerVersion);
        m.Message(7, g);
        m.Message(8, opset);
        return m.ToArray();
    }

    private static ProtoWriter ValueInfo(string name, long[] dims)
    {
        // ValueInfoProto{name=1, type=2}; TypeProto{tensor_type=1}; Tensor{elem_type=1, shape=2};
        // TensorShapeProto{dim=1}; Dimension{dim_value=1, dim_param=2}.
        var shape = new ProtoWriter();
        var batch = new ProtoWriter();
        batch.String(2, "N");
        shape.Message(1, batch);
        foreach (var d in dims)
        {
            var dim = new ProtoWriter();
            dim.Int64(1, d);
            shape.Message(1, dim);
        }

        var tensor = new ProtoWriter();
        tensor.Int64(1, 1);
        tensor.Message(2, shape);
        var type = new ProtoWriter();
        type.Message(1, tensor);
        var vi = new ProtoWriter();
        vi.String(1, name);
        vi.Message(2, type);
        return vi;
    }

    private static void CheckCount(long[] dims, int count)
    {
        var expected = 1L;
        foreach (var d in dims)
        {
            expected *= d;
        }

        if (expected != count)
        {
            throw new ArgumentException($"Initializer of shape [{string.Join(", ", dims)}] needs {expected} values, got {count}.", nameof(dims));
        }
    }
}
