using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using MLPipelines.Results.Csv;

namespace MLPipelines;

/// <summary>
/// DataFrames to and from the text tables the pipeline reads: a value becomes the text a CSV file would hold
/// (numbers in invariant culture with round-trip precision, missing values as empty fields), so a DataFrame is
/// read exactly as the same data saved as CSV.
/// </summary>
internal static class DataFrames
{
    /// <summary>The columns of <paramref name="frame"/> as text cells.</summary>
    public static CsvTable ToTable(DataFrame frame, string source)
    {
        var header = frame.Columns.Select(c => c.Name).ToList();
        var columns = frame.Columns.Select(c => Cells(c)).ToArray();
        return CsvTable.FromColumns(source, header, columns);
    }

    /// <summary>Writes <paramref name="frame"/> as an RFC 4180 CSV file (header row, fields quoted where needed).</summary>
    public static void WriteCsv(DataFrame frame, string path)
    {
        var table = ToTable(frame, path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.WriteLine(string.Join(',', table.Header.Select(Quote)));
        var line = new StringBuilder();
        for (var r = 0; r < table.RowCount; r++)
        {
            line.Clear();
            for (var c = 0; c < table.Columns.Length; c++)
            {
                line.Append(c > 0 ? "," : "").Append(Quote(table.Columns[c][r]));
            }

            writer.WriteLine(line.ToString());
        }
    }

    /// <summary>A table as a DataFrame: a column whose every non-empty cell is a number becomes a double column (empty = null), others text.</summary>
    public static DataFrame FromTable(CsvTable table)
    {
        var columns = new List<DataFrameColumn>();
        for (var c = 0; c < table.Header.Count; c++)
        {
            var cells = table.Columns[c];
            var numbers = new double?[cells.Length];
            var numeric = true;
            for (var r = 0; r < cells.Length && numeric; r++)
            {
                if (cells[r].Length == 0)
                {
                    numbers[r] = null;
                }
                else if (double.TryParse(cells[r], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    numbers[r] = value;
                }
                else
                {
                    numeric = false;
                }
            }

            columns.Add(numeric
                ? new DoubleDataFrameColumn(table.Header[c], numbers)
                : new StringDataFrameColumn(table.Header[c], cells));
        }

        return new DataFrame(columns);
    }

    private static string[] Cells(DataFrameColumn column)
    {
        var cells = new string[column.Length];
        for (long r = 0; r < column.Length; r++)
        {
            cells[r] = Text(column[r]);
        }

        return cells;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        float f => float.IsNaN(f) ? "" : f.ToString("R", CultureInfo.InvariantCulture),
        double d => double.IsNaN(d) ? "" : d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
