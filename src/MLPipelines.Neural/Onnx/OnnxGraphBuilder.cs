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
    private readonly SortedDictionary<string, long> _opsets = new(StringComparer.Ordinal) { [string.Empty] = Opset };
    private readonly List<KeyValuePair<string, string>> _metadata = [];

    /// <summary>
    /// Imports another operator domain (e.g. <c>ai.onnx.ml</c> version 3 for tree ensembles); nodes of that domain
    /// are added with <see cref="AddNode(string, string, IReadOnlyList{string}, IReadOnlyList{string}, OnnxAttribute[])"/>.
    /// </summary>
    public void UseOpset(string domain, long version)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        _opsets[domain] = version;
    }

    /// <summary>Adds a model metadata entry (ModelProto <c>metadata_props</c>); runtimes expose them to callers.</summary>
    public void AddMetadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        _metadata.Add(new(key, value));
    }

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
    public void AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes) =>
        AddNode(opType, string.Empty, inputs, outputs, attributes);

    /// <summary>Adds a node of an operator domain imported with <see cref="UseOpset"/> (empty = the default domain).</summary>
    public void AddNode(string opType, string domain, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (!_opsets.ContainsKey(domain))
        {
            throw new ArgumentException($"Domain '{domain}' is not imported; call UseOpset first.", nameof(domain));
        }

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

        if (domain.Length > 0)
        {
            n.String(7, domain);
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

        var m = new ProtoWriter();
        m.Int64(1, IrVersion);
        m.String(2, producer);
        m.String(3, producerVersion);
        m.Message(7, g);
        foreach (var (domain, version) in _opsets)
        {
            var opset = new ProtoWriter();
            opset.String(1, domain);
            opset.Int64(2, version);
            m.Message(8, opset);
        }

        foreach (var (key, value) in _metadata)
        {
            // StringStringEntryProto{key=1, value=2}.
            var entry = new ProtoWriter();
            entry.String(1, key);
            entry.String(2, value);
            m.Message(14, entry);
        }

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
