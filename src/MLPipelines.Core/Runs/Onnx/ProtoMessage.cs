using System.Buffers;
using System.Text;

namespace MLPipelines.Core.Runs.Onnx;

/// <summary>
/// A protocol-buffers message as the list of its fields, read and written at the wire level (varint, fixed32/64,
/// length-delimited), enough to edit ONNX models without their generated classes: a field nobody touches is copied as
/// read. Repeated fields are fields that occur more than once, so concatenating them concatenates the lists.
/// </summary>
internal sealed class ProtoMessage
{
    private ProtoMessage(List<ProtoField> fields) => Fields = fields;

    public ProtoMessage()
        : this([])
    {
    }

    public List<ProtoField> Fields { get; }

    public static ProtoMessage Parse(ReadOnlyMemory<byte> bytes)
    {
        var fields = new List<ProtoField>();
        var span = bytes.Span;
        var at = 0;
        while (at < span.Length)
        {
            var tag = ReadVarint(span, ref at);
            var number = (int)(tag >> 3);
            var wire = (int)(tag & 7);
            ulong value = 0;
            ReadOnlyMemory<byte> payload = default;
            switch (wire)
            {
                case 0:
                    value = ReadVarint(span, ref at);
                    break;
                case 1:
                    payload = bytes.Slice(at, 8);
                    at += 8;
                    break;
                case 2:
                    var length = checked((int)ReadVarint(span, ref at));
                    payload = bytes.Slice(at, length);
                    at += length;
                    break;
                case 5:
                    payload = bytes.Slice(at, 4);
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"protobuf wire type {wire} (field {number}) is not supported");
            }

            fields.Add(new ProtoField(number, wire, value, payload));
        }

        return new ProtoMessage(fields);
    }

    /// <summary>The payloads of every length-delimited field <paramref name="number"/>, in order.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> All(int number) => Fields.Where(f => f.Number == number).Select(f => f.Payload);

    /// <summary>The first string field <paramref name="number"/>, or null.</summary>
    public string? Text(int number) => Fields.FirstOrDefault(f => f.Number == number && f.WireType == 2) is { WireType: 2 } f ? f.Text : null;

    public ProtoMessage Add(int number, ReadOnlyMemory<byte> payload)
    {
        Fields.Add(new ProtoField(number, 2, 0, payload));
        return this;
    }

    public ProtoMessage Add(int number, string text) => Add(number, Encoding.UTF8.GetBytes(text));

    public ProtoMessage Add(int number, ProtoMessage message) => Add(number, message.ToArray());

    public ProtoMessage AddVarint(int number, long value)
    {
        Fields.Add(new ProtoField(number, 0, (ulong)value, default));
        return this;
    }

    public byte[] ToArray()
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var f in Fields)
        {
            WriteVarint(buffer, ((ulong)f.Number << 3) | (uint)f.WireType);
            if (f.WireType == 0)
            {
                WriteVarint(buffer, f.Value);
                continue;
            }

            if (f.WireType == 2)
            {
                WriteVarint(buffer, (ulong)f.Payload.Length);
            }

            buffer.Write(f.Payload.Span);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = span[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("protobuf varint longer than 10 bytes");
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, ulong value)
    {
        while (value >= 0x80)
        {
            buffer.Write([(byte)(value | 0x80)]);
            value >>= 7;
        }

        buffer.Write([(byte)value]);
    }
}

/// <summary>One field of a <see cref="ProtoMessage"/>: a varint <paramref name="Value"/> or the bytes of any other wire type.</summary>
internal readonly record struct ProtoField(int Number, int WireType, ulong Value, ReadOnlyMemory<byte> Payload)
{
    public string Text => Encoding.UTF8.GetString(Payload.Span);
}
