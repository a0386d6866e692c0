namespace MLPipelines.Spec;

/// <summary>
/// <c>data.image</c>: the size images are given to the models. For folders it is the target size (images of another
/// size are resized); for CSV pixels it is the layout of the pixel columns. IDX files carry their size in the header.
/// </summary>
public sealed class ImageSpec
{
    /// <summary>Width in pixels; null = automatic (folders: the images' own width; CSV pixels: a square).</summary>
    public int? Width { get; set; }

    /// <summary>Height in pixels; null = automatic, as <see cref="Width"/>.</summary>
    public int? Height { get; set; }

    /// <summary>1 (grayscale) or 3 (RGB); null = automatic (folders: 1 if every image is gray, else 3; CSV pixels: 1).</summary>
    public int? Channels { get; set; }

    /// <summary>Folders only: how images of another size are resized. Default <see cref="ResizeMethod.Area"/>.</summary>
    public ResizeMethod Resize { get; set; } = ResizeMethod.Area;

    /// <summary>The shape when width, height and channels are all given, else null.</summary>
    public ImageShape? Shape => Width is { } w && Height is { } h && Channels is { } c ? new ImageShape(c, h, w) : null;
}
