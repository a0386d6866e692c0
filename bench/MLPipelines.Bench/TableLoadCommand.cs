using System.Diagnostics;
using System.Text;
using MLPipelines.Data;
using MLPipelines.Results.Csv;

namespace MLPipelines.Bench;

/// <summary>
/// <c>table-load --csv PATH [--label COLUMN] [--streamed-only]</c>: the phases of reading a table, one after the other in one process
/// (bench/scale/make_table.py writes test tables): UTF-8 decoding alone (the floor), splitting records
/// (<see cref="CsvRecordStream"/>), the streamed load of large tables (<c>StreamingTableLoader</c>); then the
/// whole-file path (unless --streamed-only): <see cref="CsvTable.Read"/>,
/// <see cref="SchemaInferrer.Infer"/>, <see cref="LabelEncoder.Encode"/>. Prints wall and CPU seconds (CPU is what
/// counts on a shared machine), MB/s of CPU time and managed memory after each phase.
/// </summary>
internal static class TableLoadCommand
{
    public static int Run(string[] args)
    {
        var path = Arg(args, "--csv");
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine("usage: table-load --csv PATH [--label COLUMN] [--streamed-only]");
            return 2;
        }

        var label = Arg(args, "--label") ?? "label";
        var mb = new FileInfo(path).Length / 1e6;
        var decode = Measure("decode UTF-8 only", mb, () => Decode(path));
        var split = Measure("CsvRecordStream pass", mb, () => Split(path));
        var overrides = new SchemaOverrides { Label = label };
        var streamed = Measure("StreamingTableLoader", mb, () =>
        {
            if (StreamingTableLoader.TryLoad(path, null, overrides, MissingValueSet.Default) is null)
            {
                Console.WriteLine("  (fell back: the whole-file reader decides)");
            }
        });
        if (args.Contains("--streamed-only"))
        {
            Console.WriteLine($"table_mb={mb:F1} split_cpu_s={split:F2} streamed_cpu_s={streamed:F2} streamed_mb_per_cpu_s={mb / streamed:F0}");
            return 0;
        }

        GC.Collect();
        CsvTable? table = null;
        var read = Measure("CsvTable.Read", mb, () => table = CsvTable.Read(path));
        DataSchema? schema = null;
        var infer = Measure("SchemaInferrer.Infer", mb, () => schema = SchemaInferrer.Infer(table!, new SchemaOverrides { Label = label }, MissingValueSet.Default));
        var encode = Measure("LabelEncoder.Encode", mb, () => LabelEncoder.Encode(table!, table!.IndexOf(label), null, MLPipelines.Spec.LabelTransform.None, MissingValueSet.Default));
        Console.WriteLine($"table_mb={mb:F1} decode_cpu_s={decode:F2} split_cpu_s={split:F2} streamed_cpu_s={streamed:F2} streamed_mb_per_cpu_s={mb / streamed:F0} read_cpu_s={read:F2} infer_cpu_s={infer:F2} label_cpu_s={encode:F2} " +
            $"read_mb_per_cpu_s={mb / read:F0} features={schema!.Features.Count}");
        return 0;
    }

    private static double Measure(string what, double mb, Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        action();
        var paused = (GC.GetTotalPauseDuration() - pause).TotalSeconds;
        process.Refresh();
        var seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"{what,-25} wall {clock.Elapsed.TotalSeconds,6:F2} s  cpu {seconds,6:F2} s  {mb / seconds,6:F0} MB/cpu-s  GC pauses {paused,6:F2} s  managed {GC.GetTotalMemory(false) / 1048576,5} MB");
        return seconds;
    }

    private static void Decode(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var buffer = new char[1 << 16];
        while (reader.Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    private static void Split(string path)
    {
        using var stream = CsvRecordStream.Open(path);
        var chars = 0L;
        while (stream.MoveNext())
        {
            for (var c = 0; c < stream.Header.Count; c++)
            {
                chars += stream[c].Length;
            }
        }

        GC.KeepAlive(chars);
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
