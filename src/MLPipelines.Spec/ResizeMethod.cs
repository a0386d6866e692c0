namespace MLPipelines.Spec;

/// <summary>How images of another size are brought to the spec's size (<c>data.image.resize</c>).</summary>
public enum ResizeMethod
{
    /// <summary>
    /// Each target pixel is the average of the source area it covers, weighted by overlap (a box filter over the
    /// exact footprint). Best for shrinking: no aliasing. Enlarging gives nearly nearest-neighbour blocks.
    /// </summary>
    Area,

    /// <summary>
    /// Linear interpolation between the four nearest source pixels, with pixel centres at half-integers
    /// (<c>x_src = (x + 0.5) * W_src / W - 0.5</c>, clamped at the borders). Best for enlarging or mild shrinking.
    /// </summary>
    Bilinear,

    /// <summary>No resizing: an image of another size is an error (or skipped with <c>skip_unreadable</c>).</summary>
    None,
}
