using MLPipelines.Spec;
using StbImageSharp;

namespace MLPipelines.Data.Images;

/// <summary>
/// Decodes one encoded image (PNG, JPEG, BMP, GIF first frame, TGA, PSD; StbImageSharp, pure managed code) into the
/// flattened <c>[C, H, W]</c> pixels in [0, 1] that image models take: converted to the wanted channels, divided by
/// 255 and resized to the wanted size. The image folder reader decodes every file with it, and <c>mlpipe serve</c>
/// decodes request bodies with it, so a served image is scored exactly as a training image was.
/// </summary>
public static class ImageDecoder
{
    /// <summary>The size the header of <paramref name="bytes"/> announces, or a message saying why it is not an image.</summary>
    public static (int Width, int Height, string? Failure) ReadSize(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        var info = ImageInfo.FromStream(stream);
        if (info is null)
        {
            return (0, 0, "not a recognised image (PNG, JPEG, BMP, GIF, TGA or PSD)");
        }

        return info.Value.Width <= 0 || info.Value.Height <= 0
            ? (0, 0, $"has no pixels ({info.Value.Width}x{info.Value.Height})")
            : (info.Value.Width, info.Value.Height, null);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> into <paramref name="target"/> (length <c>shape.Size</c>); returns a message
    /// saying why it could not, or null.
    /// </summary>
    public static string? Decode(byte[] bytes, ImageShape shape, ResizeMethod resize, Span<float> target)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(shape);
        if (target.Length != shape.Size)
        {
            throw new ArgumentException($"The target holds {target.Length} values; an image of {shape} has {shape.Size}.", nameof(target));
        }

        ImageResult image;
        try
        {
            image = ImageResult.FromMemory(bytes, shape.Channels == 1 ? ColorComponents.Grey : ColorComponents.RedGreenBlue);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return $"cannot be decoded ({DecoderMessage(e)})";
        }

        if ((image.Width != shape.Width || image.Height != shape.Height) && resize == ResizeMethod.None)
        {
            return $"is {image.Width}x{image.Height} pixels, but the images are {shape.Width}x{shape.Height} and data.image.resize is none";
        }

        var plane = new float[image.Width * image.Height];
        var data = image.Data;
        var channels = shape.Channels;
        for (var c = 0; c < channels; c++)
        {
            for (var p = 0; p < plane.Length; p++)
            {
                plane[p] = PixelScale.Of(data[(p * channels) + c]);
            }

            var output = target.Slice(c * shape.Height * shape.Width, shape.Height * shape.Width);
            ImageResizer.Resize(plane, image.Height, image.Width, output, shape.Height, shape.Width, resize);
        }

        return null;
    }

    /// <summary>stb's messages are short and sometimes blank or garbled; keep them only when they read as text.</summary>
    private static string DecoderMessage(Exception e)
    {
        var text = e.Message.Trim();
        return text.Length >= 3 && text.All(ch => char.IsLetterOrDigit(ch) || ch is ' ' or '-' or '_' or '.' or ',' or '\'')
            ? $"decoder: {text}"
            : "the file is corrupt or not a supported image";
    }
}
