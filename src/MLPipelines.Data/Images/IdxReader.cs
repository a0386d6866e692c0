using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using MLPipelines.Spec;

namespace MLPipelines.Data.Images;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST: an images file (magic <c>00 00 08 03</c>, then big-endian
/// counts N, rows, columns, then N x rows x columns unsigned bytes) and a labels file (magic <c>00 00 08 01</c>,
/// count N, then N unsigned bytes), each raw or gzip-compressed (detected from the first two bytes, <c>1f 8b</c>,
/// not from the file name). Pixels are scaled to [0, 1] by dividing by 255. Everything is checked: the magic, the
/// element type (unsigned bytes only), the number of dimensions, a file cut short, bytes after the last item, and
/// that both files hold the same number of items.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByte = 0x08;

    /// <summary>
    /// Reads an images file and its labels file. Class k is named <c>classNames[k]</c> when given, else <c>"k"</c>;
    /// with <paramref name="classCount"/> the dataset has that many classes (so a test set can name the same classes
    /// as its training set even if it lacks the last ones), else the largest label + 1.
    /// </summary>
    /// <exception cref="ImageDataException">A file is missing, not IDX, of another kind, cut short, or the two disagree.</exception>
    public static ImageDataset Read(string imagesPath, string labelsPath, IReadOnlyList<string>? classNames = null, int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(imagesPath);
        ArgumentNullException.ThrowIfNull(labelsPath);
        var (pixels, count, rows, columns) = ReadPixels(imagesPath);
        var labelBytes = ReadLabelBytes(labelsPath);
        if (labelBytes.Length != count)
        {
            throw ImageDataException.Mismatch(imagesPath, labelsPath,
                $"the images file holds {count} images but the labels file holds {labelBytes.Length} labels");
        }

        var classes = classNames?.Count ?? classCount ?? (labelBytes.Length == 0 ? 0 : labelBytes.Max() + 1);
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = labelBytes[i];
            if (labels[i] >= classes)
            {
                var why = classNames is not null ? $"data.classes names {classes} classes (labels 0..{classes - 1})" : $"the dataset has {classes} classes";
                throw ImageDataException.Image(labelsPath, i, $"label {labels[i]} is out of range: {why}");
            }
        }

        var names = classNames is not null
            ? classNames.ToArray()
            : Enumerable.Range(0, classes).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
        var counts = new int[classes];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var warnings = Enumerable.Range(0, classes).Where(k => counts[k] == 0)
            .Select(k => $"{labelsPath}: class '{names[k]}' (label {k}) has no images").ToList();
        return new ImageDataset(imagesPath, new ImageShape(1, rows, columns), pixels, labels, names,
            i => $"{imagesPath}: image {i}", warnings: warnings);
    }

    /// <summary>The header of an IDX file: element type, dimensions, and whether it is gzip-compressed.</summary>
    /// <exception cref="ImageDataException">The file is missing or not IDX.</exception>
    public static (int[] Dimensions, bool Gzip) ReadHeader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = Open(path, out var gzip);
        return (ReadDimensions(stream, path), gzip);
    }

    /// <summary>Reads the images file: its bytes (as many as really there), then scaled floats.</summary>
    private static (float[] Pixels, int Count, int Rows, int Columns) ReadPixels(string path)
    {
        using var stream = Open(path, out _);
        var dims = ReadDimensions(stream, path);
        if (dims.Length != 3)
        {
            var hint = dims.Length == 1 ? " (this looks like a labels file)" : "";
            throw ImageDataException.File(path, $"an images file has 3 dimensions (images, rows, columns), this one has {dims.Length}{hint}");
        }

        var (count, rows, columns) = (dims[0], dims[1], dims[2]);
        if (rows == 0 || columns == 0)
        {
            throw ImageDataException.File(path, $"images of {rows}x{columns} pixels are empty");
        }

        var total = (long)count * rows * columns;
        if (total > Array.MaxLength)
        {
            throw ImageDataException.File(path, $"{count} images of {rows}x{columns} are too many to hold in memory at once ({total} pixels)");
        }

        var what = $"{count} images of {rows}x{columns}";
        MLPipelines.Results.Csv.DataLimits.CheckMemory(path, total * (sizeof(float) + 1), $"{what} ({total:N0} pixels)");
        var bytes = ReadUpTo(stream, path, (int)total, what);
        var pixels = GC.AllocateUninitializedArray<float>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            pixels[i] = PixelScale.Of(bytes[i]);
        }

        CheckEnd(stream, path, $"{count} images of {rows}x{columns}");
        return (pixels, count, rows, columns);
    }

    private static byte[] ReadLabelBytes(string path)
    {
        using var stream = Open(path, out _);
        var dims = ReadDimensions(stream, path);
        if (dims.Length != 1)
        {
            var hint = dims.Length == 3 ? " (this looks like an images file)" : "";
            throw ImageDataException.File(path, $"a labels file has 1 dimension (labels), this one has {dims.Length}{hint}");
        }

        return ReadExactly(stream, path, dims[0], $"{dims[0]} labels");
    }

    private static Stream Open(string path, out bool gzip)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ImageDataException.File(path, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot be read: {e.Message}");
        }

        Span<byte> start = stackalloc byte[2];
        var read = file.ReadAtLeast(start, 2, throwOnEndOfStream: false);
        file.Position = 0;
        gzip = read == 2 && start[0] == 0x1f && start[1] == 0x8b;
        return gzip ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16) : file;
    }

    private static int[] ReadDimensions(Stream stream, string path)
    {
        Span<byte> magic = stackalloc byte[4];
        var read = Fill(stream, path, magic);
        if (read < 4)
        {
            throw ImageDataException.File(path, read == 0 ? "file is empty; expected an IDX file" : $"only {read} bytes; an IDX file starts with a 4-byte magic number");
        }

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw ImageDataException.File(path,
                $"not an IDX file: it starts with {Hex(magic)}, and IDX files start with 00 00, then the element type and the number of dimensions (e.g. 00 00 08 03 for images, 00 00 08 01 for labels)");
        }

        if (magic[2] != UnsignedByte)
        {
            throw ImageDataException.File(path, $"IDX element type 0x{magic[2]:x2} ({TypeName(magic[2])}) is not supported; only unsigned bytes (0x08) are");
        }

        var dimensions = new int[magic[3]];
        Span<byte> size = stackalloc byte[4];
        for (var d = 0; d < dimensions.Length; d++)
        {
            if (Fill(stream, path, size) < 4)
            {
                throw ImageDataException.File(path, $"truncated: the header announces {dimensions.Length} dimensions but ends after {d}");
            }

            var value = BinaryPrimitives.ReadInt32BigEndian(size);
            if (value < 0)
            {
                throw ImageDataException.File(path, $"dimension {d} is negative ({value})");
            }

            dimensions[d] = value;
        }

        return dimensions;
    }

    private static byte[] ReadExactly(Stream stream, string path, int length, string what)
    {
        var bytes = ReadUpTo(stream, path, length, what);
        CheckEnd(stream, path, what);
        return bytes;
    }

    /// <summary>
    /// Reads the <paramref name="length"/> bytes a header announces, growing the buffer as data arrives, so a header
    /// that lies about the size costs memory only for the bytes really there.
    /// </summary>
    private static byte[] ReadUpTo(Stream stream, string path, int length, string what)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(Math.Min(length, 1 << 24));
        var done = 0;
        while (done < length)
        {
            var read = Fill(stream, path, buffer.AsSpan(done));
            done += read;
            if (done == length)
            {
                break;
            }

            if (done < buffer.Length)
            {
                throw ImageDataException.File(path, $"truncated: the header announces {what} ({length} bytes after the header), but the file ends after {done}");
            }

            Array.Resize(ref buffer, (int)Math.Min(length, 2L * buffer.Length));
        }

        return buffer;
    }

    private static void CheckEnd(Stream stream, string path, string what)
    {
        Span<byte> probe = stackalloc byte[1];
        if (Fill(stream, path, probe) > 0)
        {
            throw ImageDataException.File(path, $"the file holds more data than its header announces ({what}); is it complete and of the right kind?");
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; a broken gzip stream is a clear error.</summary>
    private static int Fill(Stream stream, string path, Span<byte> buffer)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw ImageDataException.File(path, $"the gzip data is corrupt or cut short ({e.Message})");
        }
        catch (IOException e)
        {
            throw ImageDataException.File(path, $"cannot be read: {e.Message}");
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    private static string TypeName(byte type) => type switch
    {
        0x09 => "signed bytes",
        0x0B => "16-bit integers",
        0x0C => "32-bit integers",
        0x0D => "32-bit floats",
        0x0E => "64-bit floats",
        _ => "unknown",
    };
}
