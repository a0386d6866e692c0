namespace MLPipelines.Data.Images;

/// <summary>
/// Image data cannot be used as the spec asks: bad input, not a program failure (the CLI exits with code 2 and
/// prints no stack trace). Messages start with the file, and the image within it where one applies:
/// <c>fm/train-images-idx3-ubyte.gz: truncated: ...</c>, <c>photos/cat/03.png: cannot be decoded: ...</c>,
/// <c>digits.csv:12: row 11, column 'p3': '17' is above pixel_max 16</c>. Build it through the factory methods.
/// </summary>
public sealed class ImageDataException : Exception
{
    /// <summary>Required by CA1032; prefer the factory methods.</summary>
    public ImageDataException()
        : base("The image data cannot be read.")
    {
    }

    /// <summary>Required by CA1032; prefer the factory methods.</summary>
    public ImageDataException(string message)
        : base(message)
    {
    }

    /// <summary>Required by CA1032; prefer the factory methods.</summary>
    public ImageDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A problem with a whole file or folder: <c>PATH: message</c>.</summary>
    public static ImageDataException File(string path, string message) => new($"{path}: {message}");

    /// <summary>A problem with one image inside a file of many (IDX): <c>PATH: image INDEX: message</c> (0-based index).</summary>
    public static ImageDataException Image(string path, int index, string message) => new($"{path}: image {index}: {message}");

    /// <summary>A problem in one row of a pixel CSV: <c>PATH:LINE: row N: message</c> (rows count from 1, header excluded).</summary>
    public static ImageDataException Row(string path, int line, int row, string message) => new($"{path}:{line}: row {row}: {message}");

    /// <summary>A problem in one cell of a pixel CSV: <c>PATH:LINE: row N, column 'c': message</c>.</summary>
    public static ImageDataException Cell(string path, int line, int row, string column, string message) =>
        new($"{path}:{line}: row {row}, column '{column}': {message}");

    /// <summary>Two files that must agree do not: <c>A and B: message</c>.</summary>
    public static ImageDataException Mismatch(string first, string second, string message) => new($"{first} and {second}: {message}");
}
