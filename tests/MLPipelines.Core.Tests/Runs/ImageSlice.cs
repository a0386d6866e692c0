using System.IO.Compression;

namespace MLPipelines.Core.Tests.Runs;

/// <summary>
/// The first images of the committed Fashion-MNIST subset (classes are interleaved in file order, so a slice keeps
/// every class) written as raw IDX files with a pipeline spec around them: small enough for end-to-end runs.
/// </summary>
internal static class ImageSlice
{
    private static readonly string[] Classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Writes <paramref name="train"/> training and <paramref name="test"/> test images and a spec using them; returns the spec path.</summary>
    public static string WriteSpec(string folder, int train, int test, string evaluation, string models, string extra = "")
    {
        Copy("train", train, folder);
        var testSet = "";
        if (test > 0)
        {
            Copy("t10k", test, folder);
            testSet = "  test: {images: t10k-images.idx, labels: t10k-labels.idx}\n";
        }

        var path = Path.Combine(folder, "images.yaml");
        File.WriteAllText(path,
            "name: images-test\ndata:\n  kind: images\n  format: idx\n  train: {images: train-images.idx, labels: train-labels.idx}\n" + testSet +
            $"  classes: [{string.Join(", ", Classes.Select(c => $"'{c}'"))}]\nevaluation: {evaluation}\nmodels:\n{models}{extra}");
        return path;
    }

    private static void Copy(string set, int count, string folder)
    {
        var subset = Path.Combine(TestPaths.RepoRoot, "datasets", "fashion-mnist", "subset");
        var images = Unzip(Path.Combine(subset, $"{set}-images-idx3-ubyte.gz"));
        var labels = Unzip(Path.Combine(subset, $"{set}-labels-idx1-ubyte.gz"));
        ImageFiles.WriteIdxImages(Path.Combine(folder, $"{set}-images.idx"), images[16..(16 + (count * 784))], count, 28, 28);
        ImageFiles.WriteIdxLabels(Path.Combine(folder, $"{set}-labels.idx"), labels[8..(8 + count)]);
    }

    private static byte[] Unzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
