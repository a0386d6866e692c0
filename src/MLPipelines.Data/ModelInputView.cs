using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Data;

/// <summary>
/// A CSV file read as the input of a saved model: each column of the model's input schema taken, by header name, from
/// the file (numbers parsed with the model's missing-value tokens, text trimmed). Used to score new files
/// (<c>mlpipe predict</c>); bad cells are reported by row and column.
/// </summary>
public static class ModelInputView
{
    /// <summary>
    /// The rows of <paramref name="table"/> (read from <paramref name="path"/>) as a view with <paramref name="inputSchema"/>'s
    /// columns; <paramref name="fileColumnOf"/> maps a model column name to the file column that holds it.
    /// </summary>
    /// <exception cref="DataFileException">A column is missing from the header, or a numeric cell is not a number.</exception>
    public static IDataView Read(CsvTable table, string path, DataViewSchema inputSchema, Func<string, string> fileColumnOf, MissingValueSet missing)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentNullException.ThrowIfNull(fileColumnOf);
        ArgumentNullException.ThrowIfNull(missing);
        var columns = new List<ViewColumn>();
        foreach (var column in inputSchema)
        {
            var fileColumn = fileColumnOf(column.Name);
            var index = table.IndexOf(fileColumn);
            if (index < 0)
            {
                throw DataFileException.File(path, $"column '{fileColumn}' used by the model is not in the header" +
                    NameSuggester.DidYouMean(fileColumn, table.Header));
            }

            columns.Add(ReadColumn(table, index, path, column, missing));
        }

        return new TabularDataView(columns, [.. Enumerable.Range(0, table.RowCount)]);
    }

    private static ViewColumn ReadColumn(CsvTable table, int index, string path, DataViewSchema.Column column, MissingValueSet missing)
    {
        var raw = table.Columns[index];
        if (column.Type is TextDataViewType)
        {
            return ViewColumn.Texts(column.Name, [.. raw.Select(v => v.Trim())]);
        }

        if (column.Type != NumberDataViewType.Single)
        {
            throw new InvalidOperationException($"Model input '{column.Name}' has type {column.Type}, which mlpipe predict cannot build from CSV.");
        }

        var values = new float[raw.Length];
        for (var r = 0; r < raw.Length; r++)
        {
            if (!missing.IsMissing(raw[r]) && !SchemaInferrer.TryParseNumber(raw[r], out _))
            {
                throw DataFileException.Cell(path, table.Lines[r], r + 1, table.Header[index], $"'{raw[r].Trim()}' is not a number");
            }

            values[r] = TabularDataset.ParseNumber(raw[r], missing);
        }

        return ViewColumn.Floats(column.Name, values);
    }
}
