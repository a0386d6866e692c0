using System.Text;

namespace MLPipelines.Results.Csv;

/// <summary>
/// Limits on data files that protect the machine: a record (line) longer than <see cref="MaxRecordChars"/>, a table
/// wider than <see cref="MaxColumns"/>, or a file too big for the memory this process may use is refused as bad
/// input (exit 2) with a message, instead of running out of memory or taking hours (e.g. <c>data.path: /dev/zero</c>).
/// </summary>
public static class DataLimits
{
    /// <summary>Longest record read: 8 Mi characters (a 2,000-column table of 20-character values is 40 Ki).</summary>
    public const int MaxRecordChars = 8 << 20;

    /// <summary>
    /// Most columns in a table: 2,000 (the widest example dataset has 58). Preprocessing is one ML.NET transform per
    /// column, whose cost grows with the square of the column count (5,000 columns took minutes); pixel data belongs
    /// in an image format (<c>csv_pixels</c>, <c>idx</c>), which has its own limits.
    /// </summary>
    public const int MaxColumns = 2_000;

    /// <summary>Rough memory per byte of a CSV file while it is parsed (UTF-16 strings per cell plus their columns).</summary>
    public const int MemoryPerFileByte = 12;

    /// <summary>Refuses a file whose parsed form would not fit in the memory available to this process.</summary>
    /// <exception cref="DataFileException">The file is too large.</exception>
    public static void CheckFitsInMemory(string path, int bytesPerFileByte = MemoryPerFileByte)
    {
        ArgumentNullException.ThrowIfNull(path);
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // the reader reports it
        }

        CheckMemory(path, length * bytesPerFileByte, $"the file is {Gb(length)}; reading it");
    }

    /// <summary>Refuses to allocate <paramref name="neededBytes"/> for <paramref name="path"/> when they would not fit.</summary>
    /// <param name="what">The start of the message, e.g. "60,000 images of 28x28".</param>
    /// <exception cref="DataFileException">It would not fit in the memory this process may use.</exception>
    public static void CheckMemory(string path, long neededBytes, string what)
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available > 0 && neededBytes > available * 3 / 4)
        {
            throw DataFileException.File(path,
                $"{what} needs about {Gb(neededBytes)} of memory and this process may use {Gb(available)}; use a sample or a machine with more memory");
        }
    }

    /// <summary>
    /// Reads a line like <see cref="TextReader.ReadLine"/> but stops at <see cref="MaxRecordChars"/>: null at the end
    /// of the file; throws when the line is longer.
    /// </summary>
    /// <param name="what">How to name the line in the message (e.g. <c>file.csv: line 3</c>).</param>
    /// <exception cref="DataFileException">The line is longer than the limit.</exception>
    public static string? ReadLine(TextReader reader, string what)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = new StringBuilder();
        while (true)
        {
            var ch = reader.Read();
            if (ch < 0)
            {
                return line.Length == 0 ? null : line.ToString();
            }

            if (ch == '\n')
            {
                return line.ToString();
            }

            if (ch == '\r')
            {
                if (reader.Peek() == '\n')
                {
                    reader.Read();
                }

                return line.ToString();
            }

            if (line.Length >= MaxRecordChars)
            {
                throw TooLong(what);
            }

            line.Append((char)ch);
        }
    }

    /// <summary>The message for a record over <see cref="MaxRecordChars"/>.</summary>
    public static DataFileException TooLong(string what) =>
        new($"{what}: longer than {MaxRecordChars:N0} characters; is it a CSV file with line breaks (or the right separator)?");

    private static string Gb(long bytes) => bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):F1} GB" : $"{bytes / (double)(1 << 20):F0} MB";
}
