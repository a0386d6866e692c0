using System.Text;

namespace MLPipelines.XGBoost.Onnx;

/// <summary>
/// Reads the <c>metadata_props</c> (field 14, <c>StringStringEntryProto{key=1, value=2}</c>) of an ONNX ModelProto
/// without a protobuf library: top-level fields are walked by wire type and everything else is skipped.
/// </summary>
internal static class OnnxMetadataReader
{
    public static string? Find(ReadOnlySpan<byte> model, string key)
    {
        var position = 0;
        while (position < model.Length)
        {
            var (field, wire) = Tag(model, ref position);
            if (wire == 2)
            {
                var length = checked((int)Varint(model, ref position));
                var body = model.Slice(position, length);
                position += length;
                if (field == 14 && Entry(body) is { } entry && entry.Key == key)
                {
                    return entry.Value;
                }
            }
            else
            {
                Skip(model, ref position, wire);
            }
        }

        return null;
    }

    private static (string Key, string Value)? Entry(ReadOnlySpan<byte> entry)
    {
        string? key = null, value = null;
        var position = 0;
        while (position < entry.Length)
        {
            var (field, wire) = Tag(entry, ref position);
            if (wire != 2)
            {
                Skip(entry, ref position, wire);
                continue;
            }

            var length = checked((int)Varint(entry, ref position));
            var text = Encoding.UTF8.GetString(entry.Slice(position, length));
            position += length;
            (key, value) = field == 1 ? (text, value) : field == 2 ? (key, text) : (key, value);
        }

        return key is null ? null : (key, value ?? "");
    }

    private static (int Field, int Wire) Tag(ReadOnlySpan<byte> data, ref int position)
    {
        var tag = Varint(data, ref position);
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    private static void Skip(ReadOnlySpan<byte> data, ref int position, int wire)
    {
        switch (wire)
        {
            case 0: Varint(data, ref position); break;
            case 1: position += 8; break;
            case 5: position += 4; break;
            default: throw new InvalidDataException($"Unexpected protobuf wire type {wire} at byte {position}.");
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Malformed protobuf varint.");
    }
}
