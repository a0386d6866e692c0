namespace MLPipelines.Core.Runs;

/// <summary>
/// What <c>mlpipe predict</c> needs beyond the ML.NET model, stored as the extra entry
/// <see cref="ModelPackage.MetadataEntry"/> of the model zip (ML.NET ignores entries it does not know).
/// </summary>
public sealed record ModelMetadata
{
    public int FormatVersion { get; init; } = 1;

    public string Pipeline { get; init; } = "";

    public string Model { get; init; } = "";

    public string Trainer { get; init; } = "";

    /// <summary><c>binary</c>, <c>multiclass</c>, <c>regression</c>.</summary>
    public string Task { get; init; } = "";

    public string Label { get; init; } = "";

    /// <summary>Class names in the order of the <c>Score</c> vector (multiclass) or [negative, positive] (binary).</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    public string LabelTransform { get; init; } = "none";

    /// <summary>Model input columns: their name in the model and in the data file, and whether they are numbers.</summary>
    public IReadOnlyList<ModelInputColumn> Inputs { get; init; } = [];

    /// <summary>Field values read as missing (besides the empty field).</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = [];

    /// <summary>Rows the final model was trained on.</summary>
    public int TrainingRows { get; init; }

    /// <summary>
    /// Image models only: the shape of the <c>Features</c> input (flattened <c>[C, H, W]</c> pixels in [0, 1]);
    /// null for tabular models, which read the columns in <see cref="Inputs"/>.
    /// </summary>
    public ModelImageShape? Image { get; init; }
}

/// <summary>The image size an image model takes.</summary>
public sealed record ModelImageShape(int Channels, int Height, int Width);

/// <summary>One input column of a saved model.</summary>
public sealed record ModelInputColumn(string Name, string FileColumn, bool IsNumber);
