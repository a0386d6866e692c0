using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace MLPipelines.Neural.Onnx;

/// <summary>
/// A minimal protocol-buffers encoder (wire types 0 varint, 2 length-delimited, 5 fixed32), enough to write
/// ONNX messages. Nested messages are encoded into their own writer and embedded with their length.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public int Length => _buffer.WrittenCount;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Int64(int field, long value)
    {
        Tag(field, 0);
        Varint((ulong)value);
    }

    public void Float(int field, float value)
    {
        Tag(field, 5);
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(b, value);
        _buffer.Write(b);
    }

    public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        Varint((ulong)value.Length);
        _buffer.Write(value);
    }

    public void Message(int field, ProtoWriter message)
    {
        Tag(field, 2);
        Varint((ulong)message.Length);
        _buffer.Write(message._buffer.WrittenSpan);
    }

    public void PackedInt64(int field, IEnumerable<long> values)
    {
        var inner = new ProtoWriter();
        foreach (var v in values)
        {
            inner.Varint((ulong)v);
        }

        Tag(field, 2);
        Varint((ulong)inner.Length);
        _buffer.Write(inner._buffer.WrittenSpan);
    }

    public void PackedFloats(int field, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        Bytes(field, bytes);
    }

    private void Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.Write([(byte)(value | 0x80)]);
            value >>= 7;
        }

        _buffer.Write([(byte)value]);
    }
}
