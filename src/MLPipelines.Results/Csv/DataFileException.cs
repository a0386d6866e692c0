namespace MLPipelines.Results.Csv;

/// <summary>
/// A data file cannot be used as the spec asks: bad input, not a program failure (the CLI exits with code 2 and
/// prints no stack trace). Messages name the file, and the row and column where one applies:
/// <c>datasets/x.csv:1235: row 1234, column 'age': 'abc' is not a number</c> (the number after the file name is the
/// line, the row number counts data rows from 1, header excluded).
/// </summary>
public sealed class DataFileException : Exception
{
    public DataFileException()
        : base("The data file cannot be read.")
    {
    }

    public DataFileException(string message)
        : base(message)
    {
    }

    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A problem with the whole file: <c>x.csv: file is empty</c>.</summary>
    public static DataFileException File(string path, string message) => new($"{path}: {message}");

    /// <summary>A problem in one row: <c>x.csv:LINE: row N: message</c>.</summary>
    public static DataFileException Row(string path, int line, int row, string message) =>
        new($"{path}:{line}: row {row}: {message}");

    /// <summary>A problem in one cell: <c>x.csv:LINE: row N, column 'c': message</c>.</summary>
    public static DataFileException Cell(string path, int line, int row, string column, string message) =>
        new($"{path}:{line}: row {row}, column '{column}': {message}");
}
