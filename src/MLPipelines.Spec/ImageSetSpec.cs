namespace MLPipelines.Spec;

/// <summary>
/// One set of images (<c>data.train</c> or <c>data.test</c>): for IDX, an images file and a labels file; for
/// folders, the root holding one subfolder per class; for CSV pixels, the CSV file. Paths are absolute once loaded.
/// </summary>
public sealed class ImageSetSpec
{
    /// <summary>The IDX images file, the class-per-folder root, or the pixel CSV.</summary>
    public string Images { get; set; } = "";

    /// <summary>The IDX labels file; null for the other formats (their labels come from folder names or a column).</summary>
    public string? Labels { get; set; }
}
