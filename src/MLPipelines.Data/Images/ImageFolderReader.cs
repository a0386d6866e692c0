using MLPipelines.Spec;
using StbImageSharp;

namespace MLPipelines.Data.Images;

/// <summary>
/// Reads a folder of labelled image files laid out one subfolder per class, <c>ROOT/CLASS/NAME.png</c> (files in
/// deeper subfolders count for their class too). PNG, JPEG, BMP, GIF (first frame), TGA and PSD are decoded by
/// StbImageSharp (pure managed code), converted to the wanted channels, scaled to [0, 1] by dividing by 255 and
/// resized to the wanted size. Classes are the folder names in ordinal order. Files with other extensions and
/// hidden entries (names starting with '.') are ignored; a file that cannot be read or decoded is an error naming
/// it, or is left out and counted with <see cref="ImageFolderOptions.SkipUnreadable"/>. Images are decoded on all
/// cores, and the result does not depend on their number.
/// </summary>
public static class ImageFolderReader
{
    /// <summary>File extensions read as images (compared case-insensitively).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tga", ".psd"];

    /// <summary>Reads <paramref name="root"/> with <paramref name="options"/> (default: own size, auto channels, area resize).</summary>
    /// <exception cref="ImageDataException">No class folders, a class without images, an unreadable image, sizes that cannot be reconciled.</exception>
    public static ImageDataset Read(string root, ImageFolderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        options ??= new ImageFolderOptions();
        if (options.Channels is { } wanted && wanted is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(options), wanted, "Channels must be 1 or 3.");
        }

        var warnings = new List<string>();
        var (files, fileClasses, classes) = ImageFolderScanner.Scan(root, options.Classes, warnings);
        var skipped = new List<SkippedImage>();
        var headers = new ImageInfo?[files.Count];
        var failures = new string?[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            (headers[i], failures[i]) = ReadInfo(files[i]);
        }

        Fail(files, failures, Enumerable.Range(0, files.Count), options.SkipUnreadable, skipped);
        var shape = ChooseShape(root, files, headers, options);
        var pixels = AllocatePixels(root, files.Count, shape);
        Parallel.For(0, files.Count, i =>
        {
            if (headers[i] is null)
            {
                return;
            }

            failures[i] = Decode(files[i], shape, options.Resize, pixels.AsSpan(i * shape.Size, shape.Size));
        });

        Fail(files, failures, Enumerable.Range(0, files.Count).Where(i => headers[i] is not null), options.SkipUnreadable, skipped);
        var kept = Enumerable.Range(0, files.Count).Where(i => headers[i] is not null && failures[i] is null).ToArray();
        if (kept.Length == 0)
        {
            throw ImageDataException.File(root, $"none of the {files.Count} image files could be read");
        }

        if (kept.Length < files.Count)
        {
            for (var n = 0; n < kept.Length; n++)
            {
                pixels.AsSpan(kept[n] * shape.Size, shape.Size).CopyTo(pixels.AsSpan(n * shape.Size, shape.Size));
            }

            Array.Resize(ref pixels, kept.Length * shape.Size);
        }

        var keptFiles = kept.Select(i => files[i]).ToArray();
        var labels = kept.Select(i => fileClasses[i]).ToArray();
        var counts = new int[classes.Count];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        warnings.AddRange(Enumerable.Range(0, classes.Count)
            .Where(k => counts[k] == 0 && options.Classes is null)
            .Select(k => $"{Path.Combine(root, classes[k])}: class '{classes[k]}' has no readable images"));
        return new ImageDataset(root, shape, pixels, labels, classes, i => keptFiles[i], skipped, warnings);
    }

    private static (ImageInfo? Info, string? Failure) ReadInfo(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var info = ImageInfo.FromStream(stream);
            if (info is null)
            {
                return (null, "not a recognised image (PNG, JPEG, BMP, GIF, TGA or PSD)");
            }

            return info.Value.Width <= 0 || info.Value.Height <= 0
                ? (null, $"has no pixels ({info.Value.Width}x{info.Value.Height})")
                : (info, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>Stops at the first failure among <paramref name="candidates"/> (in file order) unless unreadable files are skipped, which records them.</summary>
    private static void Fail(List<string> files, string?[] failures, IEnumerable<int> candidates, bool skip, List<SkippedImage> skipped)
    {
        var failed = candidates.Where(i => failures[i] is not null).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        if (!skip)
        {
            var more = failed.Count > 1 ? $" ({failed.Count - 1} more unreadable image file(s) after it)" : "";
            throw ImageDataException.File(files[failed[0]],
                $"{failures[failed[0]]}{more}; fix or remove it, or set data.skip_unreadable: true to leave unreadable images out");
        }

        foreach (var i in failed)
        {
            skipped.Add(new SkippedImage(files[i], failures[i]!));
        }
    }

    private static ImageShape ChooseShape(string root, List<string> files, ImageInfo?[] headers, ImageFolderOptions options)
    {
        var readable = Enumerable.Range(0, files.Count).Where(i => headers[i] is not null).ToList();
        if (readable.Count == 0)
        {
            throw ImageDataException.File(root, $"none of the {files.Count} image files could be read");
        }

        var channels = options.Channels
            ?? (readable.All(i => headers[i]!.Value.ColorComponents is ColorComponents.Grey or ColorComponents.GreyAlpha) ? 1 : 3);
        if (options.Width is { } width && options.Height is { } height)
        {
            return new ImageShape(channels, height, width);
        }

        var sizes = readable.GroupBy(i => (headers[i]!.Value.Width, headers[i]!.Value.Height))
            .OrderByDescending(g => g.Count()).ToList();
        if (sizes.Count > 1 && (options.Width is null || options.Height is null))
        {
            var examples = string.Join(", ", sizes.Take(3).Select(g => $"{g.Key.Width}x{g.Key.Height} ({g.Count()} images, e.g. {files[g.First()]})"));
            throw ImageDataException.File(root,
                $"the images have {sizes.Count} different sizes: {examples}; set data.image.width and data.image.height to resize them to one size");
        }

        var (ownWidth, ownHeight) = sizes[0].Key;
        return new ImageShape(channels, options.Height ?? ownHeight, options.Width ?? ownWidth);
    }

    private static float[] AllocatePixels(string root, int count, ImageShape shape)
    {
        var total = (long)count * shape.Size;
        if (total > Array.MaxLength)
        {
            throw ImageDataException.File(root,
                $"{count} images of {shape} are {total} pixel values, more than one array holds; use a smaller data.image size");
        }

        return new float[total];
    }

    /// <summary>Decodes <paramref name="file"/> into <paramref name="target"/> ([C, H, W], [0, 1]); returns a failure message or null.</summary>
    private static string? Decode(string file, ImageShape shape, ResizeMethod resize, Span<float> target)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read: {e.Message}";
        }

        return ImageDecoder.Decode(bytes, shape, resize, target);
    }
}
