using System.Buffers.Binary;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// Mutates binary files (images, IDX, gzip, zip): truncate, flip and overwrite bytes, insert and delete runs, and
/// make headers lie by writing odd 32-bit and 16-bit big-endian values (0, 1, 65535, 2^31-1, ...) near the start.
/// </summary>
internal static class ByteMutator
{
    private static readonly uint[] Lies = [0, 1, 2, 3, 255, 256, 65535, 65536, 100_000, 1 << 24, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];

    public static byte[] Apply(byte[] data, IEnumerable<Gene> genes) => genes.Aggregate(data, Apply);

    private static byte[] Apply(byte[] data, Gene g)
    {
        var at = g.Position(data.Length);
        var bytes = data.ToList();
        switch (g.Op % 8)
        {
            case 0:
                return data[..at];
            case 1:
                if (at < data.Length)
                {
                    bytes[at] ^= (byte)(1 << (g.Pick % 8));
                }

                break;
            case 2:
                if (at < data.Length)
                {
                    bytes[at] = (byte)(g.Pick % 3 == 0 ? 0 : g.Pick % 3 == 1 ? 0xFF : g.Pick);
                }

                break;
            case 3:
                bytes.InsertRange(at, Enumerable.Range(0, 1 + (g.Pick % 64)).Select(i => (byte)(g.Pick * (i + 1))));
                break;
            case 4:
                bytes.RemoveRange(at, Math.Min(1 + (g.Pick % 256), data.Length - at));
                break;
            case 5:
                return LieBigEndian32(data, g.At % 32, Lies[g.Pick % Lies.Length]);
            case 6:
                return LieJpegSize(data, g);
            default:
                return [];
        }

        return [.. bytes];
    }

    private static byte[] LieBigEndian32(byte[] data, int offset, uint value)
    {
        if (offset + 4 > data.Length)
        {
            return data;
        }

        var copy = (byte[])data.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(offset), value);
        return copy;
    }

    /// <summary>Sets a JPEG frame's height or width (after the FF C0 / FF C2 marker) to 0, 1 or 65535.</summary>
    private static byte[] LieJpegSize(byte[] data, Gene g)
    {
        for (var i = 0; i + 9 < data.Length; i++)
        {
            if (data[i] == 0xFF && data[i + 1] is 0xC0 or 0xC2)
            {
                var copy = (byte[])data.Clone();
                ushort value = (g.Pick % 3) switch { 0 => 0, 1 => 1, _ => 65535 };
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5 + (2 * (g.At % 2))), value);
                return copy;
            }
        }

        return LieBigEndian32(data, 16 + (g.At % 8), Lies[g.Pick % Lies.Length]);
    }
}
