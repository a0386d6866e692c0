using System.Buffers.Binary;
using System.IO.Compression;
using StbImageWriteSharp;

namespace MLPipelines.Tests;

/// <summary>Writes real image files for tests: IDX (raw or gzip), PNG, JPEG, BMP, and a corrupt PNG.</summary>
internal static class ImageFiles
{
    /// <summary>An IDX images file: magic 00 00 08 03, counts, then the bytes.</summary>
    public static string WriteIdxImages(string path, byte[] pixels, int count, int rows, int columns, bool gzip = false) =>
        WriteIdx(path, 3, [count, rows, columns], pixels, gzip);

    /// <summary>An IDX labels file: magic 00 00 08 01, count, then the bytes.</summary>
    public static string WriteIdxLabels(string path, byte[] labels, bool gzip = false) =>
        WriteIdx(path, 1, [labels.Length], labels, gzip);

    public static byte[] IdxBytes(byte dimensions, int[] sizes, byte[] payload)
    {
        var bytes = new byte[4 + (4 * sizes.Length) + payload.Length];
        bytes[2] = 0x08;
        bytes[3] = dimensions;
        for (var d = 0; d < sizes.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * d)), sizes[d]);
        }

        payload.CopyTo(bytes, 4 + (4 * sizes.Length));
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>A PNG of <paramref name="width"/> x <paramref name="height"/> with 1 (gray) or 3 (RGB) interleaved channels.</summary>
    public static string WritePng(string path, byte[] pixels, int width, int height, int channels)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        new ImageWriter().WritePng(pixels, width, height, Components(channels), stream);
        return path;
    }

    public static string WriteJpg(string path, byte[] pixels, int width, int height, int channels)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        new ImageWriter().WriteJpg(pixels, width, height, Components(channels), stream, 95);
        return path;
    }

    public static string WriteBmp(string path, byte[] pixels, int width, int height, int channels)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        new ImageWriter().WriteBmp(pixels, width, height, Components(channels), stream);
        return path;
    }

    /// <summary>A file named .png whose header is a PNG's but whose compressed data is garbage.</summary>
    public static string WriteCorruptPng(string path, int width, int height)
    {
        var good = path + ".tmp";
        WritePng(good, Filled(width * height, 100), width, height, 1);
        var bytes = File.ReadAllBytes(good);
        File.Delete(good);
        for (var i = 41; i < bytes.Length - 12; i++)
        {
            bytes[i] ^= 0x5a;
        }

        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static byte[] Filled(int length, byte value) => Enumerable.Repeat(value, length).ToArray();

    private static string WriteIdx(string path, byte dimensions, int[] sizes, byte[] payload, bool gzip)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = IdxBytes(dimensions, sizes, payload);
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);
        return path;
    }

    private static ColorComponents Components(int channels) => channels switch
    {
        1 => ColorComponents.Grey,
        3 => ColorComponents.RedGreenBlue,
        _ => throw new ArgumentOutOfRangeException(nameof(channels)),
    };
}
