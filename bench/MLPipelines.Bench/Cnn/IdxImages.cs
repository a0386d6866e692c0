using System.Buffers.Binary;
using System.IO.Compression;
using MLPipelines.Neural.Tensors;
using MLPipelines.Neural.Training;

namespace MLPipelines.Bench.Cnn;

/// <summary>
/// Reads an MNIST-format image set (IDX files, gzip or not): <c>{prefix}-images-idx3-ubyte[.gz]</c> and
/// <c>{prefix}-labels-idx1-ubyte[.gz]</c>, as in /usr/share/datasets/fashion-mnist (Debian dataset-fashion-mnist).
/// Pixels become <c>(p / 255 - mean) / std</c> with the given statistics, samples <c>[1, rows, cols]</c>.
/// </summary>
internal static class IdxImages
{
    public static (byte[] Pixels, byte[] Labels, int Rows, int Cols) ReadRaw(string directory, string prefix)
    {
        var images = Read(Find(directory, $"{prefix}-images-idx3-ubyte"));
        var labels = Read(Find(directory, $"{prefix}-labels-idx1-ubyte"));
        if (BinaryPrimitives.ReadInt32BigEndian(images) != 0x803 || BinaryPrimitives.ReadInt32BigEndian(labels) != 0x801)
        {
            throw new InvalidDataException($"{directory}/{prefix}: not IDX image/label files (bad magic number).");
        }

        var count = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(4));
        var rows = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(8));
        var cols = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(12));
        if (BinaryPrimitives.ReadInt32BigEndian(labels.AsSpan(4)) != count || images.Length != 16 + (count * rows * cols) || labels.Length != 8 + count)
        {
            throw new InvalidDataException($"{directory}/{prefix}: image and label counts or sizes disagree.");
        }

        return (images[16..], labels[8..], rows, cols);
    }

    public static Dataset ToDataset(byte[] pixels, byte[] labels, int rows, int cols, float mean, float std, int limit = 0)
    {
        var count = limit > 0 ? Math.Min(limit, labels.Length) : labels.Length;
        var size = rows * cols;
        var x = new float[count * size];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = ((pixels[i] / 255f) - mean) / std;
        }

        var y = new float[count];
        for (var i = 0; i < count; i++)
        {
            y[i] = labels[i];
        }

        return new Dataset(x, y, new TensorShape(1, rows, cols));
    }

    /// <summary>Mean and standard deviation of the pixels scaled to [0, 1].</summary>
    public static (float Mean, float Std) Statistics(byte[] pixels)
    {
        double sum = 0, squares = 0;
        foreach (var p in pixels)
        {
            var v = p / 255.0;
            sum += v;
            squares += v * v;
        }

        var mean = sum / pixels.Length;
        return ((float)mean, (float)Math.Sqrt((squares / pixels.Length) - (mean * mean)));
    }

    private static string Find(string directory, string name)
    {
        foreach (var candidate in new[] { name + ".gz", name })
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{Path.Combine(directory, name)}[.gz] not found (install the Debian package dataset-fashion-mnist, or pass --dataset DIR).");
    }

    private static byte[] Read(string path)
    {
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
