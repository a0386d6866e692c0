namespace MLPipelines.Neural.Onnx;

/// <summary>
/// A node attribute (ONNX AttributeProto): one float, int, string, a list of ints/floats/strings, or a double
/// tensor (the <c>*_as_tensor</c> attributes of <c>ai.onnx.ml</c> tree ensembles, which keep thresholds and leaf
/// values in double precision).
/// </summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(string name) => Name = name;

    /// <summary>Attribute name (e.g. <c>alpha</c>).</summary>
    public string Name { get; }

    internal float? FloatValue { get; private init; }

    internal long? IntValue { get; private init; }

    internal string? StringValue { get; private init; }

    internal long[]? IntsValue { get; private init; }

    internal float[]? FloatsValue { get; private init; }

    internal string[]? StringsValue { get; private init; }

    internal double[]? DoubleTensorValue { get; private init; }

    /// <summary>A float attribute.</summary>
    public static OnnxAttribute Float(string name, float value) => new(name) { FloatValue = value };

    /// <summary>An int attribute.</summary>
    public static OnnxAttribute Int(string name, long value) => new(name) { IntValue = value };

    /// <summary>A string attribute.</summary>
    public static OnnxAttribute String(string name, string value) => new(name) { StringValue = value };

    /// <summary>A list-of-ints attribute.</summary>
    public static OnnxAttribute Ints(string name, params long[] values) => new(name) { IntsValue = values };

    /// <summary>A list-of-floats attribute.</summary>
    public static OnnxAttribute Floats(string name, params float[] values) => new(name) { FloatsValue = values };

    /// <summary>A list-of-strings attribute (e.g. a tree ensemble's <c>nodes_modes</c>).</summary>
    public static OnnxAttribute Strings(string name, params string[] values) => new(name) { StringsValue = values };

    /// <summary>A 1-D double tensor attribute (e.g. <c>nodes_values_as_tensor</c>).</summary>
    public static OnnxAttribute DoubleTensor(string name, params double[] values) => new(name) { DoubleTensorValue = values };

    internal ProtoWriter Encode()
    {
        // AttributeProto: name=1, f=2, i=3, s=4, t=5, floats=7, ints=8, strings=9, type=20
        // (FLOAT=1, INT=2, STRING=3, TENSOR=4, FLOATS=6, INTS=7, STRINGS=8).
        var w = new ProtoWriter();
        w.String(1, Name);
        if (FloatValue is float f)
        {
            w.Float(2, f);
            w.Int64(20, 1);
        }
        else if (IntValue is long i)
        {
            w.Int64(3, i);
            w.Int64(20, 2);
        }
        else if (StringValue is string s)
        {
            w.String(4, s);
            w.Int64(20, 3);
        }
        else if (FloatsValue is float[] fs)
        {
            w.PackedFloats(7, fs);
            w.Int64(20, 6);
        }
        else if (StringsValue is string[] ss)
        {
            foreach (var v in ss)
            {
                w.String(9, v);
            }

            w.Int64(20, 8);
        }
        else if (DoubleTensorValue is double[] ds)
        {
            // TensorProto: dims=1, data_type=2 (DOUBLE=11), raw_data=9 (little-endian).
            var t = new ProtoWriter();
            t.PackedInt64(1, [ds.Length]);
            t.Int64(2, 11);
            var raw = new byte[ds.Length * 8];
            for (var k = 0; k < ds.Length; k++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(raw.AsSpan(k * 8), ds[k]);
            }

            t.Bytes(9, raw);
            w.Message(5, t);
            w.Int64(20, 4);
        }
        else
        {
            w.PackedInt64(8, IntsValue!);
            w.Int64(20, 7);
        }

        return w;
    }
}
