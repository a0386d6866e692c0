using MLPipelines.Results;

namespace MLPipelines.Spec;

/// <summary>
/// The <c>data:</c> section: which file(s), which label, which task, how to read them. Tabular data (the default)
/// is one CSV/TSV file with schema overrides; image data (<c>kind: images</c>) is IDX files, a folder per class or
/// pixel columns of a CSV, with an optional separate test set.
/// </summary>
public sealed record DataSpec
{
    /// <summary>Tabular (default) or images.</summary>
    public DataKind Kind { get; init; } = DataKind.Tabular;

    /// <summary>How image data is stored; null for tabular data.</summary>
    public ImageFormat? Format { get; init; }

    /// <summary>
    /// Absolute path of the CSV/TSV file (written relative to the YAML file, resolved when loading); for images, the
    /// class-per-folder root or the pixel CSV when the data is one set (no separate test set); empty otherwise.
    /// </summary>
    public string Path { get; init; } = "";

    /// <summary>Images: the training set (<c>data.train</c>), or null when the data is <see cref="Path"/>.</summary>
    public ImageSetSpec? Train { get; init; }

    /// <summary>Images: the test set for <c>evaluation.method: test_set</c>; null when there is none.</summary>
    public ImageSetSpec? Test { get; init; }

    /// <summary>Label column name (tabular and CSV pixels); empty for IDX and folders.</summary>
    public string Label { get; init; } = "";

    /// <summary>
    /// Task; null until inferred from the label column. <see cref="SpecLoader.Resolve"/> returns a spec with it and the
    /// task-dependent defaults filled, so a written <c>resolved.yaml</c> always has it.
    /// </summary>
    public TaskKind? Task { get; init; }

    /// <summary>Transform of a regression label: <c>none</c> or <c>log</c> (natural log, predictions mapped back).</summary>
    public LabelTransform LabelTransform { get; init; } = LabelTransform.None;

    /// <summary>
    /// Binary tasks: the label value scored as positive (the class of <c>probability</c>, <c>f1</c>, <c>auprc</c>);
    /// null = the true-like value of a yes/no-like pair, else the second class in sorted order.
    /// </summary>
    public string? PositiveClass { get; init; }

    /// <summary>Field separator; <c>null</c> (YAML <c>auto</c>) = detect from the header line (comma, tab, semicolon).</summary>
    public char? Separator { get; init; }

    /// <summary>
    /// Field values read as missing, compared after trimming surrounding spaces. An empty field is always missing,
    /// listed or not. Default <c>""</c>, <c>NA</c>, <c>?</c>.
    /// </summary>
    public List<string> MissingValues { get; init; } = ["", "NA", "?"];

    /// <summary>Overrides of schema inference.</summary>
    public ColumnOverrides Columns { get; init; } = new();

    /// <summary>IDX: names of classes 0, 1, ... (e.g. Fashion-MNIST's T-shirt/top, Trouser, ...); empty = the label numbers.</summary>
    public List<string> Classes { get; init; } = [];

    /// <summary>Folders and CSV pixels: image size and channels.</summary>
    public ImageSpec Image { get; init; } = new();

    /// <summary>CSV pixels: the largest pixel value; pixels are divided by it to lie in [0, 1]. Default 255.</summary>
    public double PixelMax { get; init; } = 255;

    /// <summary>Folders: leave out (and count) image files that cannot be read instead of stopping. Default false.</summary>
    public bool SkipUnreadable { get; init; }

    /// <summary>The training images: <see cref="Train"/>, or <see cref="Path"/> as a set; null for tabular data.</summary>
    public ImageSetSpec? TrainingImages => Kind == DataKind.Images ? Train ?? new ImageSetSpec { Images = Path } : null;
}
