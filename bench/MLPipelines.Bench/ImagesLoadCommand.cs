using System.Diagnostics;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Data.Images;

namespace MLPipelines.Bench;

/// <summary>
/// <c>images-load [--dir DIR] [--repeats N]</c>: loading full Fashion-MNIST (run datasets/fashion-mnist/fetch.sh
/// first) beside its peers in the same process: gzip decompression alone (the floor for reading IDX .gz), and one
/// full pass over the images through our <see cref="ImageDataView"/> versus ML.NET's <c>LoadFromEnumerable</c> over
/// per-row arrays. Prints wall and CPU seconds (CPU is what counts on a shared machine) and managed memory.
/// </summary>
internal static class ImagesLoadCommand
{
    public static int Run(string[] args)
    {
        var dir = Arg(args, "--dir") ?? Path.Combine("datasets", "fashion-mnist", "full");
        var repeats = int.Parse(Arg(args, "--repeats") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        var images = Path.Combine(dir, "train-images-idx3-ubyte.gz");
        var labels = Path.Combine(dir, "train-labels-idx1-ubyte.gz");
        if (!File.Exists(images))
        {
            Console.Error.WriteLine($"{images} not found; run datasets/fashion-mnist/fetch.sh first");
            return 2;
        }

        ImageDataset? train = null;
        double ours = 0, floor = 0;
        for (var r = 0; r < repeats; r++)
        {
            floor = Math.Min(r == 0 ? double.MaxValue : floor, Measure($"gzip decompress only, train images, rep {r}", () => Decompress(images)));
            ours = Math.Min(r == 0 ? double.MaxValue : ours, Measure($"IdxReader.Read 60,000 train images, rep {r}", () => train = IdxReader.Read(images, labels)));
            Measure($"IdxReader.Read 10,000 test images, rep {r}", () => IdxReader.Read(
                Path.Combine(dir, "t10k-images-idx3-ubyte.gz"), Path.Combine(dir, "t10k-labels-idx1-ubyte.gz")));
        }

        GC.Collect();
        var view = train!.ToDataView();
        var passOurs = Enumerable.Range(0, repeats).Min(r => Measure($"ImageDataView cursor pass, rep {r}", () => Pass(view)));
        IDataView? peer = null;
        var build = Measure("LoadFromEnumerable: copy into per-row arrays", () => peer = EnumerableView(train));
        var passPeer = Enumerable.Range(0, repeats).Min(r => Measure($"LoadFromEnumerable cursor pass, rep {r}", () => Pass(peer!)));
        Console.WriteLine(
            $"idx_load_cpu_s={ours:F2} gzip_floor_cpu_s={floor:F2} load_over_floor={ours / floor:F1} " +
            $"view_pass_cpu_s={passOurs:F3} enumerable_pass_cpu_s={passPeer:F3} enumerable_build_cpu_s={build:F2}");
        return 0;
    }

    /// <summary>Runs <paramref name="action"/>, prints wall and CPU time, returns the CPU seconds.</summary>
    private static double Measure(string what, Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        process.Refresh();
        var seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"{what,-55} wall {clock.Elapsed.TotalSeconds,6:F2} s  cpu {seconds,6:F2} s  managed {GC.GetTotalMemory(false) / 1048576,5} MB");
        return seconds;
    }

    private static void Decompress(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var buffer = new byte[1 << 20];
        while (gzip.Read(buffer) > 0)
        {
        }
    }

    private static void Pass(IDataView view)
    {
        using var cursor = view.GetRowCursor(view.Schema);
        var features = cursor.GetGetter<VBuffer<float>>(view.Schema["Features"]);
        var label = cursor.GetGetter<uint>(view.Schema["Label"]);
        VBuffer<float> pixels = default;
        uint key = 0;
        while (cursor.MoveNext())
        {
            features(ref pixels);
            label(ref key);
        }
    }

    private static IDataView EnumerableView(ImageDataset data)
    {
        var rows = new Row[data.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new Row { Label = (uint)data.Labels[i] + 1, Features = data.GetImage(i).ToArray() };
        }

        var schema = SchemaDefinition.Create(typeof(Row));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Shape.Size);
        schema["Label"].ColumnType = new KeyDataViewType(typeof(uint), data.Classes.Count);
        return new MLContext().Data.LoadFromEnumerable(rows, schema);
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class Row
    {
        public uint Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
