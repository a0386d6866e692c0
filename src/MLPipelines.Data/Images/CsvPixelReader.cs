using System.Globalization;
using System.Text;
using MLPipelines.Spec;

namespace MLPipelines.Data.Images;

/// <summary>
/// Reads images stored as pixel columns of a CSV file, one image per row (e.g. <c>datasets/digits.csv</c>: label
/// <c>digit</c>, 8x8 pixels <c>p0..p63</c> with values 0-16). The header names the columns; the label column is
/// named in the options and every other column is a pixel, in file order. Pixels are divided by
/// <see cref="CsvPixelOptions.PixelMax"/>; a missing, non-numeric or out-of-range value is an error naming the row
/// and column. The file is streamed (no table of strings is built), so a 60,000-row MNIST CSV loads in one pass.
/// Fields may be quoted (<c>"cat"</c>), but a quoted field may not span lines.
/// </summary>
public static class CsvPixelReader
{
    private static readonly char[] Candidates = [',', '\t', ';'];

    /// <summary>The column names of <paramref name="path"/> (for checks before the data is read).</summary>
    /// <exception cref="ImageDataException">Missing or empty file.</exception>
    public static IReadOnlyList<string> ReadHeader(string path, char? separator = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = Open(path);
        var line = MLPipelines.Results.Csv.DataLimits.ReadLine(reader, $"{path}:1") ?? throw ImageDataException.File(path, "file is empty (no header row)");
        return CsvFields.Split(line, separator ?? Detect(line), path, 1);
    }

    /// <summary>Reads <paramref name="path"/> as images.</summary>
    /// <exception cref="ImageDataException">Bad header, label column or shape; a bad row or value (named by row and column).</exception>
    public static ImageDataset Read(string path, CsvPixelOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.PixelMax > 0) || !double.IsFinite(options.PixelMax))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PixelMax, "PixelMax must be a positive number.");
        }

        using var reader = Open(path);
        var headerLine = MLPipelines.Results.Csv.DataLimits.ReadLine(reader, $"{path}:1") ?? throw ImageDataException.File(path, "file is empty (no header row)");
        var separator = options.Separator ?? Detect(headerLine);
        var header = CsvFields.Split(headerLine, separator, path, 1);
        var labelColumn = FindLabel(header, options.Label, path);
        var shape = ShapeOf(header.Count - 1, options.Shape, options.Channels, path);
        var pixelColumns = Enumerable.Range(0, header.Count).Where(c => c != labelColumn).ToArray();

        var pixels = new float[(int)Math.Max(shape.Size, Math.Min(1024L * shape.Size, 1 << 24))]; // grows as rows come
        var provisional = new List<int>();
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<int>();
        var lineNumber = 1;
        var fields = new CsvFields();
        while (MLPipelines.Results.Csv.DataLimits.ReadLine(reader, $"{path}:{lineNumber + 1}") is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var row = lines.Count + 1;
            fields.Parse(line, separator, path, lineNumber);
            if (fields.Count != header.Count)
            {
                var what = fields.Count < header.Count ? "too few" : "too many";
                throw ImageDataException.Row(path, lineNumber, row,
                    $"{what} fields: {fields.Count}, but the header has {header.Count} (separator '{(separator == '\t' ? "tab" : separator.ToString())}')");
            }

            var label = fields[labelColumn].Trim().ToString();
            if (label.Length == 0)
            {
                throw ImageDataException.Cell(path, lineNumber, row, header[labelColumn], "the label is missing");
            }

            if (!labelIds.TryGetValue(label, out var id))
            {
                id = labelIds.Count;
                labelIds[label] = id;
            }

            var offset = (long)lines.Count * shape.Size;
            if (offset + shape.Size > pixels.Length)
            {
                var grown = Math.Min((long)pixels.Length * 2, (long)Array.MaxLength / shape.Size * shape.Size);
                if (grown < offset + shape.Size)
                {
                    throw ImageDataException.File(path, $"more than {lines.Count} images of {shape} do not fit in one array");
                }

                Array.Resize(ref pixels, (int)grown);
            }

            for (var p = 0; p < pixelColumns.Length; p++)
            {
                var column = pixelColumns[p];
                pixels[offset + p] = (float)(ParsePixel(fields[column], options.PixelMax, path, lineNumber, row, header[column]) / options.PixelMax);
            }

            provisional.Add(id);
            lines.Add(lineNumber);
        }

        if (lines.Count == 0)
        {
            throw ImageDataException.File(path, "file has a header but no data rows");
        }

        Array.Resize(ref pixels, lines.Count * shape.Size);
        var classes = options.Classes ?? SortClasses(labelIds.Keys);
        var classIndex = classes.Select((name, k) => (name, k)).ToDictionary(p => p.name, p => p.k, StringComparer.Ordinal);
        var remap = new int[labelIds.Count];
        foreach (var (name, id) in labelIds)
        {
            if (!classIndex.TryGetValue(name, out remap[id]))
            {
                var first = provisional.IndexOf(id);
                throw ImageDataException.Cell(path, lines[first], first + 1, header[labelColumn],
                    $"label '{name}' is not one of the training classes ({string.Join(", ", classes)})");
            }
        }

        var labels = provisional.Select(id => remap[id]).ToArray();
        if (options.Classes is null && classes.Count < 2)
        {
            throw ImageDataException.File(path, $"the label column '{options.Label}' has one value ('{classes[0]}'); a classifier needs at least two classes");
        }

        var rowLines = lines.ToArray();
        return new ImageDataset(path, shape, pixels, labels, classes, i => $"{path}:{rowLines[i]} (row {i + 1})");
    }

    /// <summary>Class order as for tabular labels: numeric order when every value is a number, else ordinal.</summary>
    internal static IReadOnlyList<string> SortClasses(IEnumerable<string> values)
    {
        var list = values.ToList();
        var numeric = list.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numeric
            ? [.. list.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ThenBy(v => v, StringComparer.Ordinal)]
            : [.. list.Order(StringComparer.Ordinal)];
    }

    private static int FindLabel(IReadOnlyList<string> header, string label, string path)
    {
        var index = header.ToList().IndexOf(label);
        if (index < 0)
        {
            var close = header.Where(h => string.Equals(h, label, StringComparison.OrdinalIgnoreCase)).ToList();
            var hint = close.Count > 0 ? $"; did you mean '{close[0]}'?" : $"; the first columns are {string.Join(", ", header.Take(5))}";
            throw ImageDataException.File(path, $"label column '{label}' is not in the header{hint}");
        }

        return index;
    }

    private static ImageShape ShapeOf(int pixelCount, ImageShape? shape, int channels, string path)
    {
        if (shape is not null)
        {
            return shape.Size == pixelCount
                ? shape
                : throw ImageDataException.File(path,
                    $"the file has {pixelCount} pixel columns (every column but the label), but images of {shape} (channels x height x width) need {shape.Size}");
        }

        var side = (int)Math.Round(Math.Sqrt(pixelCount / (double)channels));
        var perChannel = channels == 1 ? "" : $" per channel ({channels} channels)";
        return pixelCount > 0 && side * side * channels == pixelCount
            ? new ImageShape(channels, side, side)
            : throw ImageDataException.File(path,
                $"the file has {pixelCount} pixel columns, which is not a square number of pixels{perChannel}; give the shape with data.image: {{width, height, channels}}");
    }

    private static float ParsePixel(ReadOnlySpan<char> field, double pixelMax, string path, int line, int row, string column)
    {
        var text = field.Trim();
        if (text.Length == 0)
        {
            throw ImageDataException.Cell(path, line, row, column, "missing pixel value");
        }

        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
        {
            throw ImageDataException.Cell(path, line, row, column, $"'{text}' is not a number");
        }

        if (value < 0 || value > pixelMax)
        {
            throw ImageDataException.Cell(path, line, row, column,
                $"{text} is outside 0..{pixelMax.ToString(CultureInfo.InvariantCulture)} (pixel values are divided by data.pixel_max = {pixelMax.ToString(CultureInfo.InvariantCulture)})");
        }

        return value;
    }

    private static StreamReader Open(string path)
    {
        try
        {
            return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ImageDataException.File(path, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot be read: {e.Message}");
        }
    }

    private static char Detect(string headerLine) =>
        Candidates.OrderByDescending(c => headerLine.Count(ch => ch == c)).First();
}
