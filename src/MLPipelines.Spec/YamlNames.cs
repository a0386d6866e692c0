using MLPipelines.Results;

namespace MLPipelines.Spec;

/// <summary>The YAML spelling of the spec's enums (<c>binary</c>, <c>kfold</c>, <c>log</c>), both ways.</summary>
public static class YamlNames
{
    public static string Of(TaskKind task) => task switch
    {
        TaskKind.Binary => "binary",
        TaskKind.Multiclass => "multiclass",
        TaskKind.Regression => "regression",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task."),
    };

    public static string Of(EvaluationMethod method) => method switch
    {
        EvaluationMethod.KFold => "kfold",
        EvaluationMethod.Holdout => "holdout",
        EvaluationMethod.TestSet => "test_set",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown evaluation method."),
    };

    public static string Of(LabelTransform transform) => transform switch
    {
        LabelTransform.None => "none",
        LabelTransform.Log => "log",
        _ => throw new ArgumentOutOfRangeException(nameof(transform), transform, "Unknown label transform."),
    };

    public static TaskKind Task(string name) => name switch
    {
        "binary" => TaskKind.Binary,
        "multiclass" => TaskKind.Multiclass,
        "regression" => TaskKind.Regression,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown task."),
    };

    public static EvaluationMethod Method(string name) => name switch
    {
        "kfold" => EvaluationMethod.KFold,
        "holdout" => EvaluationMethod.Holdout,
        "test_set" => EvaluationMethod.TestSet,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown evaluation method."),
    };

    public static LabelTransform Transform(string name) => name switch
    {
        "none" => LabelTransform.None,
        "log" => LabelTransform.Log,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown label transform."),
    };

    public static string Of(DataKind kind) => kind == DataKind.Images ? "images" : "tabular";

    public static DataKind Kind(string name) => name == "images" ? DataKind.Images : DataKind.Tabular;

    public static string Of(ImageFormat format) => format switch
    {
        ImageFormat.Idx => "idx",
        ImageFormat.Folders => "folders",
        ImageFormat.CsvPixels => "csv_pixels",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format."),
    };

    public static ImageFormat Format(string name) => name switch
    {
        "idx" => ImageFormat.Idx,
        "folders" => ImageFormat.Folders,
        "csv_pixels" => ImageFormat.CsvPixels,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown image format."),
    };

    public static string Of(MLPipelines.Spec.ResizeMethod method) => method.ToString().ToLowerInvariant();

    public static MLPipelines.Spec.ResizeMethod Resize(string name) =>
        Enum.Parse<MLPipelines.Spec.ResizeMethod>(name, ignoreCase: true);

    /// <summary>The data format name used by <see cref="SpecKey.DataFormats"/>: <c>tabular</c>, or the image format.</summary>
    public static string FormatName(DataSpec data) =>
        data.Kind == DataKind.Tabular ? SpecFormat.Tabular : data.Format is { } format ? Of(format) : "images";

    /// <summary><c>auto</c> as null, <c>tab</c> as a tab, else the single character.</summary>
    public static string OfSeparator(char? separator) => separator switch
    {
        null => "auto",
        '\t' => "tab",
        var c => c.Value.ToString(),
    };
}
