using System.Globalization;
using MLPipelines.Results;
using MLPipelines.Results.Csv;

namespace MLPipelines.Data;

/// <summary>
/// A data file ready for training: its schema, the encoded label and an ML.NET view over the rows that have a
/// label. Feature columns keep their file names (renamed with a trailing <c>_</c> only if they clash with a column
/// ML.NET adds, see <see cref="ReservedNames"/>); numeric columns are floats with NaN for missing values, the others
/// text exactly as in the file (trimmed; missing tokens are turned into empty text by the model's first stage so
/// that a saved model treats files read by any loader alike). The label is the column <see cref="LabelColumn"/>.
/// </summary>
public sealed class TabularDataset
{
    /// <summary>Name of the label column in <see cref="View"/>.</summary>
    public const string LabelColumn = "Label";

    /// <summary>Column names ML.NET pipelines create; a feature with one of these names is renamed in the view.</summary>
    public static IReadOnlySet<string> ReservedNames { get; } =
        new HashSet<string>(["Label", "Features", "Score", "Probability", "PredictedLabel", "Prediction"], StringComparer.Ordinal);

    /// <param name="numbers">Number columns already parsed (by file column, one float per file row), else parsed here from the table's text.</param>
    internal TabularDataset(CsvTable table, DataSchema schema, LabelInfo label, MissingValueSet missing, IReadOnlyDictionary<int, float[]>? numbers = null)
    {
        Table = table;
        Schema = schema;
        Label = label;
        Missing = missing;
        var columns = new List<ViewColumn>();
        foreach (var feature in schema.Features)
        {
            var raw = table.Columns[feature.Index];
            var name = ViewName(feature);
            if (feature.IsNumberInFile && numbers is not null && numbers.TryGetValue(feature.Index, out var parsed))
            {
                // Every row labelled: the parsed column is the view's column, not copied.
                columns.Add(ViewColumn.Floats(name, label.Rows.Length == parsed.Length ? parsed : [.. label.Rows.Select(r => parsed[r])]));
            }
            else if (feature.IsNumberInFile)
            {
                var values = new float[label.Rows.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = ParseNumber(raw[label.Rows[i]], missing);
                }

                columns.Add(ViewColumn.Floats(name, values));
            }
            else
            {
                columns.Add(ViewColumn.Texts(name, [.. label.Rows.Select(r => raw[r].Trim())]));
            }
        }

        columns.Add(label.Task switch
        {
            TaskKind.Binary => ViewColumn.Bools(LabelColumn, [.. label.ClassIndex.Select(i => i == 1)]),
            TaskKind.Multiclass => ViewColumn.Keys(LabelColumn, [.. label.ClassIndex.Select(i => (uint)(i + 1))], label.Classes),
            _ => ViewColumn.Floats(LabelColumn, label.Values),
        });
        View = new TabularDataView(columns, [.. Enumerable.Range(0, label.Rows.Length)]);
    }

    public CsvTable Table { get; }

    public DataSchema Schema { get; }

    public LabelInfo Label { get; }

    public MissingValueSet Missing { get; }

    /// <summary>Rows with a label (the rows every fold plan indexes, 0-based).</summary>
    public int RowCount => Label.Rows.Length;

    /// <summary>All labelled rows; <see cref="TabularDataView.Select"/> gives a fold's rows.</summary>
    public TabularDataView View { get; }

    /// <summary>1-based data row number in the file of labelled row <paramref name="row"/> (as in error messages).</summary>
    public int FileRow(int row) => Label.Rows[row] + 1;

    /// <summary>The column name a feature has in <see cref="View"/> and in saved models.</summary>
    public static string ViewName(ColumnInfo column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return ReservedNames.Contains(column.Name) ? column.Name + "_" : column.Name;
    }

    /// <summary>A field of a numeric column: NaN when missing; the caller has checked that it parses.</summary>
    internal static float ParseNumber(string field, MissingValueSet missing)
    {
        if (missing.IsMissing(field))
        {
            return float.NaN;
        }

        return float.Parse(field.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
