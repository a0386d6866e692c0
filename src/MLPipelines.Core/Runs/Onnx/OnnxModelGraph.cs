namespace MLPipelines.Core.Runs.Onnx;

/// <summary>
/// An ONNX model opened for editing at the wire level (<see cref="ProtoMessage"/>): its graph's nodes, initializers,
/// inputs, outputs and value infos as lists of encoded messages, its operator set imports as a map. Enough to join
/// graphs (ML.NET's converted preprocessing, our network, ML.NET's converted scorers) into one model: tensor names of
/// a joined graph are prefixed so they cannot collide, and a node input names the tensor it reads.
/// </summary>
internal sealed class OnnxModelGraph
{
    // ModelProto: graph = 7, opset_import = 8 (OperatorSetIdProto: domain = 1, version = 2).
    // GraphProto: node = 1, initializer = 5, input = 11, output = 12, value_info = 13.
    // NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5, domain = 7. TensorProto: name = 8.
    // ValueInfoProto: name = 1, type = 2 (TypeProto tensor_type = 1: elem_type = 1).
    private readonly ProtoMessage _model;
    private readonly ProtoMessage _graphRest;
    private readonly SortedDictionary<string, long> _opsets = new(StringComparer.Ordinal);

    private OnnxModelGraph(ProtoMessage model, ProtoMessage graph)
    {
        _model = new ProtoMessage();
        _model.Fields.AddRange(model.Fields.Where(f => f.Number is not (7 or 8)));
        foreach (var opset in model.All(8).Select(ProtoMessage.Parse))
        {
            var domain = opset.Text(1) ?? "";
            var version = (long)(opset.Fields.FirstOrDefault(f => f.Number == 2).Value);
            _opsets[domain] = Math.Max(version, _opsets.GetValueOrDefault(domain));
        }

        _graphRest = new ProtoMessage();
        _graphRest.Fields.AddRange(graph.Fields.Where(f => f.Number is not (1 or 5 or 11 or 12 or 13)));
        Nodes = [.. graph.All(1).Select(ProtoMessage.Parse)];
        Initializers = [.. graph.All(5).Select(ProtoMessage.Parse)];
        Inputs = [.. graph.All(11).Select(ProtoMessage.Parse)];
        Outputs = [.. graph.All(12).Select(ProtoMessage.Parse)];
        ValueInfos = [.. graph.All(13).Select(ProtoMessage.Parse)];
    }

    public List<ProtoMessage> Nodes { get; }

    public List<ProtoMessage> Initializers { get; }

    public List<ProtoMessage> Inputs { get; }

    public List<ProtoMessage> Outputs { get; }

    public List<ProtoMessage> ValueInfos { get; }

    public IReadOnlyDictionary<string, long> Opsets => _opsets;

    public static OnnxModelGraph Read(byte[] model)
    {
        var proto = ProtoMessage.Parse(model);
        var graph = proto.All(7).Select(ProtoMessage.Parse).SingleOrDefault() ?? throw new InvalidDataException("the ONNX model has no graph");
        return new OnnxModelGraph(proto, graph);
    }

    /// <summary>The name of a value info (graph input or output).</summary>
    public static string NameOf(ProtoMessage valueInfo) => valueInfo.Text(1) ?? "";

    /// <summary>Renames every tensor, node and value info of the graph to <paramref name="prefix"/> + its name (empty names, i.e. absent optional inputs, stay empty).</summary>
    public void Prefix(string prefix)
    {
        string Rename(string name) => name.Length == 0 ? name : prefix + name;
        ProtoMessage RenameFields(ProtoMessage message, params int[] numbers)
        {
            var renamed = new ProtoMessage();
            foreach (var f in message.Fields)
            {
                if (f.WireType == 2 && numbers.Contains(f.Number))
                {
                    renamed.Add(f.Number, Rename(f.Text));
                }
                else
                {
                    renamed.Fields.Add(f);
                }
            }

            return renamed;
        }

        Replace(Nodes, n => RenameFields(n, 1, 2, 3));
        Replace(Initializers, t => RenameFields(t, 8));
        Replace(Inputs, v => RenameFields(v, 1));
        Replace(Outputs, v => RenameFields(v, 1));
        Replace(ValueInfos, v => RenameFields(v, 1));
    }

    /// <summary>
    /// Repairs a node that reads the tensor it writes (ML.NET's converter does this to a scorer whose input and output
    /// column are both <c>Score</c>, e.g. ours over a network's class probabilities: it names the input after the
    /// output, <c>Score0</c>): such an input reads the graph input whose name it extends.
    /// </summary>
    public void RepairSelfLoops()
    {
        var inputs = Inputs.Select(NameOf).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < Nodes.Count; i++)
        {
            var outputs = Nodes[i].Fields.Where(f => f.Number == 2).Select(f => f.Text).ToHashSet(StringComparer.Ordinal);
            var repaired = new ProtoMessage();
            foreach (var f in Nodes[i].Fields)
            {
                var source = f.Number == 1 && outputs.Contains(f.Text) ? inputs.FirstOrDefault(n => f.Text.StartsWith(n, StringComparison.Ordinal) && f.Text[n.Length..].All(char.IsAsciiDigit)) : null;
                if (source is not null)
                {
                    repaired.Add(1, source);
                }
                else
                {
                    repaired.Fields.Add(f);
                }
            }

            Nodes[i] = repaired;
        }
    }

    /// <summary>Adds <paramref name="other"/>'s nodes, initializers and value infos (not its inputs and outputs) and its operator sets (the higher version of a domain both import).</summary>
    public void Append(OnnxModelGraph other)
    {
        Nodes.AddRange(other.Nodes);
        Initializers.AddRange(other.Initializers);
        ValueInfos.AddRange(other.ValueInfos);
        foreach (var (domain, version) in other._opsets)
        {
            UseOpset(domain, version);
        }

        IrVersion = Math.Max(IrVersion, other.IrVersion);
    }

    /// <summary>ModelProto <c>ir_version</c> (field 1).</summary>
    public long IrVersion
    {
        get => (long)_model.Fields.FirstOrDefault(f => f.Number == 1 && f.WireType == 0).Value;
        set
        {
            _model.Fields.RemoveAll(f => f.Number == 1);
            _model.Fields.Insert(0, new ProtoField(1, 0, (ulong)value, default));
        }
    }

    public void UseOpset(string domain, long version) => _opsets[domain] = Math.Max(version, _opsets.GetValueOrDefault(domain));

    /// <summary>Adds a node; <paramref name="attributes"/> are encoded AttributeProtos.</summary>
    public void AddNode(string opType, string[] inputs, string[] outputs, string domain = "", params ProtoMessage[] attributes)
    {
        var node = new ProtoMessage();
        foreach (var i in inputs)
        {
            node.Add(1, i);
        }

        foreach (var o in outputs)
        {
            node.Add(2, o);
        }

        node.Add(3, $"{opType}_{Nodes.Count}_{outputs[0]}").Add(4, opType);
        foreach (var a in attributes)
        {
            node.Add(5, a);
        }

        if (domain.Length > 0)
        {
            node.Add(7, domain);
        }

        Nodes.Add(node);
    }

    /// <summary>Adds a string constant of shape [1] (TensorProto: dims = 1, data_type = 2 (8 = STRING), string_data = 6, name = 8).</summary>
    public void AddStringInitializer(string name, string value) =>
        Initializers.Add(new ProtoMessage().AddVarint(1, 1).AddVarint(2, 8).Add(6, value).Add(8, name));

    /// <summary>A tensor value info named <paramref name="name"/> with element type <paramref name="elementType"/> (ONNX TensorProto.DataType) and no fixed shape.</summary>
    public static ProtoMessage TensorValueInfo(string name, int elementType) =>
        new ProtoMessage().Add(1, name).Add(2, new ProtoMessage().Add(1, new ProtoMessage().AddVarint(1, elementType)));

    /// <summary>The element type (ONNX TensorProto.DataType) of a tensor value info, or 0 when it is not a tensor.</summary>
    public static int ElementType(ProtoMessage valueInfo)
    {
        var type = valueInfo.All(2).Select(ProtoMessage.Parse).FirstOrDefault();
        var tensor = type?.All(1).Select(ProtoMessage.Parse).FirstOrDefault();
        return (int)(tensor?.Fields.FirstOrDefault(f => f.Number == 1 && f.WireType == 0).Value ?? 0);
    }

    /// <summary>Encodes the model (IR version and the other model fields as read).</summary>
    public byte[] ToArray()
    {
        var graph = new ProtoMessage();
        foreach (var n in Nodes)
        {
            graph.Add(1, n);
        }

        graph.Fields.AddRange(_graphRest.Fields);
        foreach (var (list, number) in new[] { (Initializers, 5), (Inputs, 11), (Outputs, 12), (ValueInfos, 13) })
        {
            foreach (var item in list)
            {
                graph.Add(number, item);
            }
        }

        var model = new ProtoMessage();
        model.Fields.AddRange(_model.Fields);
        model.Add(7, graph);
        foreach (var (domain, version) in _opsets)
        {
            model.Add(8, new ProtoMessage().Add(1, domain).AddVarint(2, version));
        }

        return model.ToArray();
    }

    private static void Replace(List<ProtoMessage> list, Func<ProtoMessage, ProtoMessage> change)
    {
        for (var i = 0; i < list.Count; i++)
        {
            list[i] = change(list[i]);
        }
    }
}
