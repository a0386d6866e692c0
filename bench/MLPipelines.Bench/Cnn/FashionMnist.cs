using MLPipelines.Data.Images;
using MLPipelines.Neural.Tensors;
using MLPipelines.Neural.Training;

namespace MLPipelines.Bench.Cnn;

/// <summary>
/// Fashion-MNIST (or any MNIST-format set) from a directory of IDX files, <c>train-*</c> and <c>t10k-*</c>, gzip or
/// not, as installed by the Debian package dataset-fashion-mnist in /usr/share/datasets/fashion-mnist; read with
/// <see cref="IdxReader"/> (pixels in [0, 1]) and standardized with the training set's pixel mean and deviation.
/// </summary>
internal static class FashionMnist
{
    public static (ImageDataset Train, ImageDataset Test) Load(string directory) =>
        (Read(directory, "train"), Read(directory, "t10k"));

    /// <summary>The first <paramref name="limit"/> images (0 = all) as <c>(p - mean) / std</c>, samples <c>[C, H, W]</c>.</summary>
    public static Dataset ToDataset(ImageDataset images, float mean, float std, int limit = 0)
    {
        var count = limit > 0 ? Math.Min(limit, images.Count) : images.Count;
        var size = images.Shape.Size;
        var pixels = images.Pixels.Span[..(count * size)];
        var x = new float[count * size];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (pixels[i] - mean) / std;
        }

        var y = new float[count];
        for (var i = 0; i < count; i++)
        {
            y[i] = images.Labels[i];
        }

        return new Dataset(x, y, new TensorShape(images.Shape.Channels, images.Shape.Height, images.Shape.Width));
    }

    /// <summary>Mean and standard deviation of all pixel values (in [0, 1]).</summary>
    public static (float Mean, float Std) Statistics(ImageDataset images)
    {
        double sum = 0, squares = 0;
        foreach (var v in images.Pixels.Span)
        {
            sum += v;
            squares += (double)v * v;
        }

        var n = images.Pixels.Length;
        var mean = sum / n;
        return ((float)mean, (float)Math.Sqrt((squares / n) - (mean * mean)));
    }

    private static ImageDataset Read(string directory, string prefix)
    {
        string Find(string name) =>
            new[] { name + ".gz", name }.Select(c => Path.Combine(directory, c)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{Path.Combine(directory, name)}[.gz] not found (install the Debian package dataset-fashion-mnist, or pass --dataset DIR).");
        return IdxReader.Read(Find($"{prefix}-images-idx3-ubyte"), Find($"{prefix}-labels-idx1-ubyte"));
    }
}
