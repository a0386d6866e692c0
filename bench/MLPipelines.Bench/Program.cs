using MLPipelines.Bench;

// Verbs: `peak` (PeakCommand.cs), `gemm` (GemmCommand.cs), `mlp-train` (MlpTrainCommand.cs), `cnn-train` (CnnTrainCommand.cs), `kernels` (BenchmarkDotNet suite),
// `images-load` (ImagesLoadCommand.cs), `table-load` (TableLoadCommand.cs).
// Each verb prints its headline figure as the last line, `key=value` pairs, for bench scripts to parse.
return args.Length == 0 ? Usage() : args[0] switch
{
    "peak" => PeakCommand.Run(args[1..]),
    "gemm" => GemmCommand.Run(args[1..]),
    "mlp-train" => MlpTrainCommand.Run(args[1..]),
    "cnn-train" => CnnTrainCommand.Run(args[1..]),
    "kernels" => KernelsCommand.Run(args[1..]),
    "images-load" => ImagesLoadCommand.Run(args[1..]),
    "table-load" => TableLoadCommand.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: MLPipelines.Bench peak [--threads 1,2] | gemm --size N --threads T | mlp-train [...] | cnn-train [...] | kernels [BenchmarkDotNet args] | images-load [--dir DIR] [--repeats N] | table-load --csv PATH [--label COLUMN]");
    return 2;
}
