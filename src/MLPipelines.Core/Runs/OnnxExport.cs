namespace MLPipelines.Core.Runs;

/// <summary>The outcome of writing a model's ONNX file: the file, or why there is none.</summary>
public sealed record OnnxExport(string? Path, string? Problem)
{
    public static OnnxExport Written(string path) => new(path, null);

    public static OnnxExport Unavailable(string problem) => new(null, problem);
}
