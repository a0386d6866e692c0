using MLPipelines.Spec;

namespace MLPipelines.Data.Images;

/// <summary>How <see cref="ImageFolderReader"/> turns files into same-shaped images.</summary>
public sealed class ImageFolderOptions
{
    /// <summary>Target width in pixels; null = the images' own width (they must then all have one size).</summary>
    public int? Width { get; init; }

    /// <summary>Target height in pixels; null = the images' own height (they must then all have one size).</summary>
    public int? Height { get; init; }

    /// <summary>
    /// 1 (grayscale: stb's luma, <c>(77 R + 150 G + 29 B) / 256</c>) or 3 (RGB; gray images are copied to all three
    /// channels); alpha is dropped. Null = 1 when every image is grayscale, else 3.
    /// </summary>
    public int? Channels { get; init; }

    /// <summary>How images of another size are resized. Default <see cref="ResizeMethod.Area"/>.</summary>
    public ResizeMethod Resize { get; init; } = ResizeMethod.Area;

    /// <summary>Leave out (and count) files that cannot be read or decoded instead of stopping with an error. Default false.</summary>
    public bool SkipUnreadable { get; init; }

    /// <summary>
    /// The class list to map folders onto (a test set uses its training set's classes, so label k means the same
    /// class in both); a folder not in it is an error. Null = the class folders found, sorted by name (ordinal).
    /// </summary>
    public IReadOnlyList<string>? Classes { get; init; }
}
