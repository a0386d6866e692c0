namespace MLPipelines.Data.Images;

/// <summary>8-bit pixel values scaled to [0, 1]: <c>v / 255</c>, correctly rounded, by table lookup.</summary>
internal static class PixelScale
{
    private static readonly float[] Table = [.. Enumerable.Range(0, 256).Select(v => v / 255f)];

    public static float Of(byte value) => Table[value];
}
