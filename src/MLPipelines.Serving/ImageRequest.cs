using System.Text.Json;
using MLPipelines.Core.Runs;
using MLPipelines.Data.Images;
using MLPipelines.Spec;

namespace MLPipelines.Serving;

/// <summary>
/// Images for an image model, as the flattened <c>[C, H, W]</c> pixels in [0, 1] it takes: an encoded image file
/// (the whole body, or base64 in a row's <c>"image"</c>) is decoded, converted to the model's channels and resized
/// to its size exactly as training images were (area resize); a row's <c>"pixels"</c> gives the values directly.
/// The image's header is checked against the size limit before it is decoded.
/// </summary>
internal static class ImageRequest
{
    /// <summary>One encoded image file (the request body).</summary>
    public static float[] FromFile(byte[] bytes, ModelImageShape shape, long maxPixels) =>
        Decode(bytes, Shape(shape), maxPixels, "the body");

    /// <summary>JSON rows, each <c>{"pixels": [...]}</c> or <c>{"image": "BASE64"}</c>.</summary>
    public static float[] FromRows(IReadOnlyList<JsonElement> rows, ModelImageShape shape, long maxPixels)
    {
        var image = Shape(shape);
        var pixels = new float[(long)rows.Count * image.Size];
        for (var r = 0; r < rows.Count; r++)
        {
            var target = pixels.AsSpan(r * image.Size, image.Size);
            var row = rows[r];
            if (row.TryGetProperty("pixels", out var values))
            {
                ReadPixels(values, image, target, $"rows[{r}].pixels");
            }
            else if (row.TryGetProperty("image", out var encoded))
            {
                var field = $"rows[{r}].image";
                if (encoded.ValueKind != JsonValueKind.String || !encoded.TryGetBytesFromBase64(out var bytes))
                {
                    throw BadRequestException.At(field, $"expected an image file as a base64 string; got {(encoded.ValueKind == JsonValueKind.String ? "a string that is not base64" : JsonRows.Describe(encoded))}");
                }

                Decode(bytes, image, maxPixels, field).CopyTo(target);
            }
            else
            {
                throw BadRequestException.At($"rows[{r}]",
                    $"an image model takes {{\"pixels\": [{image.Size} numbers in [0, 1]]}} ({image} image, channel-major) or {{\"image\": \"BASE64 of a PNG/JPEG/...\"}}; the row has neither");
            }
        }

        return pixels;
    }

    private static ImageShape Shape(ModelImageShape shape) => new(shape.Channels, shape.Height, shape.Width);

    private static void ReadPixels(JsonElement values, ImageShape image, Span<float> target, string field)
    {
        if (values.ValueKind != JsonValueKind.Array)
        {
            throw BadRequestException.At(field, $"expected an array of {image.Size} numbers in [0, 1]; got {JsonRows.Describe(values)}");
        }

        var count = values.GetArrayLength();
        if (count != image.Size)
        {
            throw BadRequestException.At(field, $"expected {image.Size} numbers (a {image} image, channel-major); got {count}");
        }

        var i = 0;
        foreach (var value in values.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetSingle(out var pixel))
            {
                throw BadRequestException.At($"{field}[{i}]", $"expected a number in [0, 1]; got {JsonRows.Describe(value)}");
            }

            if (!(pixel >= 0f && pixel <= 1f))
            {
                throw BadRequestException.At($"{field}[{i}]", $"{value.GetRawText()} is outside [0, 1] (pixel values are divided by 255)");
            }

            target[i++] = pixel;
        }
    }

    private static float[] Decode(byte[] bytes, ImageShape shape, long maxPixels, string field)
    {
        var (width, height, failure) = ImageDecoder.ReadSize(bytes);
        if (failure is not null)
        {
            throw BadRequestException.At(field, $"{failure}; send the image file's bytes");
        }

        if ((long)width * height > maxPixels)
        {
            throw BadRequestException.At(field,
                $"the image is {width}x{height} pixels, more than this server decodes ({maxPixels} pixels, --max-image-pixels); the model takes {shape.Width}x{shape.Height}, so shrink it first");
        }

        var pixels = new float[shape.Size];
        if (ImageDecoder.Decode(bytes, shape, ResizeMethod.Area, pixels) is { } problem)
        {
            throw BadRequestException.At(field, problem);
        }

        return pixels;
    }
}
