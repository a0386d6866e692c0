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

    private DataFileException(string message, string? keyPath, bool located, Exception? innerException)
        : base(message, innerException)
    {
        KeyPath = keyPath;
        IsLocated = located;
    }

    /// <summary>
    /// The spec key the data contradicts (e.g. <c>evaluation.folds</c>), for problems found once the data is read;
    /// null for problems of the file alone.
    /// </summary>
    public string? KeyPath { get; }

    /// <summary>True once the key's <c>file:line:col</c> is in front of the message (see <see cref="WithPosition"/>).</summary>
    public bool IsLocated { get; }

    /// <summary>
    /// The data contradicts spec key <paramref name="keyPath"/>: <c>evaluation.folds: 5 folds need at least 5 rows</c>.
    /// Code deep in a run knows the key, not where it was written; the run's entry point adds the position once
    /// (<see cref="WithPosition"/>), so no position callback travels through the layers.
    /// </summary>
    public static DataFileException ForKey(string keyPath, string message, Exception? innerException = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPath);
        return new DataFileException($"{keyPath}: {message}", keyPath, located: false, innerException);
    }

    /// <summary>This problem with <paramref name="position"/> (<c>x.yaml:9:5</c>) in front; unchanged when the position is empty.</summary>
    public DataFileException WithPosition(string? position) =>
        string.IsNullOrEmpty(position) ? this : new DataFileException($"{position}: {Message}", KeyPath, located: true, InnerException);

    /// <summary>A problem with the whole file: <c>x.csv: file is empty</c>.</summary>
    public static DataFileException File(string path, string message) => new($"{path}: {message}");

    /// <summary>A problem in one row: <c>x.csv:LINE: row N: message</c>.</summary>
    public static DataFileException Row(string path, int line, int row, string message) =>
        new($"{path}:{line}: row {row}: {message}");

    /// <summary>A problem in one cell: <c>x.csv:LINE: row N, column 'c': message</c>.</summary>
    public static DataFileException Cell(string path, int line, int row, string column, string message) =>
        new($"{path}:{line}: row {row}, column '{column}': {message}");
}
