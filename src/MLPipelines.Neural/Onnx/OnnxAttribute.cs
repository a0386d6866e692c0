namespace MLPipelines.Neural.Onnx;

/// <summary>A node attribute (ONNX AttributeProto): one float, int, string, or list of ints/floats.</summary>
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

    internal ProtoWriter Encode()
    {
        // AttributeProto: name=1, f=2, i=3, s=4, floats=7, ints=8, type=20 (FLOAT=1, INT=2, STRING=3, FLOATS=6, INTS=7).
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
        else
        {
            w.PackedInt64(8, IntsValue!);
            w.Int64(20, 7);
        }

        return w;
    }
}
