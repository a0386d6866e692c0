using System.Globalization;
using MLPipelines.Results.Csv;

namespace MLPipelines.Results;

/// <summary>
/// A <c>predictions/MODEL.csv</c> file read back (see <see cref="PredictionColumns"/> for its columns), for
/// reports that draw ROC, precision-recall, calibration, confusion and predicted-vs-actual charts. Arrays are
/// row-aligned; task-specific arrays are null when the file's task does not have them.
/// </summary>
public sealed class ModelPredictions
{
    private ModelPredictions(int count)
    {
        Row = new int[count];
        Repeat = new int[count];
        Fold = new int[count];
        Actual = new string[count];
        Predicted = new string[count];
    }

    /// <summary>1-based data row (or image number) of each prediction.</summary>
    public int[] Row { get; }

    /// <summary>Images only: where each image came from; null for tabular data.</summary>
    public string[]? Source { get; private init; }

    public int[] Repeat { get; }

    public int[] Fold { get; }

    /// <summary>True label in the file's terms.</summary>
    public string[] Actual { get; }

    /// <summary>Predicted label in the file's terms.</summary>
    public string[] Predicted { get; }

    /// <summary>Binary: P(positive class); null otherwise.</summary>
    public float[]? Probability { get; private init; }

    /// <summary>Binary margin or regression model-scale output; null for multiclass.</summary>
    public float[]? Score { get; private init; }

    /// <summary>Multiclass: per row, the probability of each class in <see cref="Classes"/> order; null otherwise.</summary>
    public float[][]? ClassProbabilities { get; private init; }

    /// <summary>Multiclass: class names of the probability columns, in file order; empty otherwise.</summary>
    public IReadOnlyList<string> Classes { get; private init; } = [];

    public int Count => Row.Length;

    /// <summary>Reads <paramref name="path"/> (a file written by the runner).</summary>
    /// <exception cref="DataFileException">The file is missing, malformed, or lacks a required column.</exception>
    public static ModelPredictions Read(string path)
    {
        var table = CsvTable.Read(path, ',');
        int Column(string name, bool required = true)
        {
            var index = table.IndexOf(name);
            return index >= 0 || !required ? index : throw DataFileException.File(path, $"no '{name}' column; not a predictions file");
        }

        var row = Column(PredictionColumns.Row);
        var repeat = Column(PredictionColumns.Repeat);
        var fold = Column(PredictionColumns.Fold);
        var actual = Column(PredictionColumns.Actual);
        var predicted = Column(PredictionColumns.Predicted);
        var source = Column(PredictionColumns.Source, required: false);
        var probability = Column(PredictionColumns.Probability, required: false);
        var score = Column(PredictionColumns.Score, required: false);
        var classColumns = table.Header.Select((name, i) => (name, i))
            .Where(c => c.name.StartsWith(PredictionColumns.ClassProbabilityPrefix, StringComparison.Ordinal))
            .ToList();
        var count = table.RowCount;
        var result = new ModelPredictions(count)
        {
            Source = source >= 0 ? [.. table.Columns[source]] : null,
            Probability = probability >= 0 ? Floats(table, probability, path) : null,
            Score = score >= 0 ? Floats(table, score, path) : null,
            Classes = [.. classColumns.Select(c => c.name[PredictionColumns.ClassProbabilityPrefix.Length..])],
            ClassProbabilities = classColumns.Count > 0 ? new float[count][] : null,
        };
        var classValues = classColumns.Select(c => Floats(table, c.i, path)).ToList();
        for (var i = 0; i < count; i++)
        {
            result.Row[i] = Int(table, row, i, path);
            result.Repeat[i] = Int(table, repeat, i, path);
            result.Fold[i] = Int(table, fold, i, path);
            result.Actual[i] = table.Columns[actual][i];
            result.Predicted[i] = table.Columns[predicted][i];
            if (result.ClassProbabilities is { } probabilities)
            {
                probabilities[i] = [.. classValues.Select(v => v[i])];
            }
        }

        return result;
    }

    private static float[] Floats(CsvTable table, int column, string path) =>
        [.. table.Columns[column].Select((text, i) => float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : text is "NaN" or "" ? float.NaN : throw DataFileException.Cell(path, table.Lines[i], i + 1, table.Header[column], $"'{text}' is not a number"))];

    private static int Int(CsvTable table, int column, int row, string path) =>
        int.TryParse(table.Columns[column][row], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw DataFileException.Cell(path, table.Lines[row], row + 1, table.Header[column], $"'{table.Columns[column][row]}' is not an integer");
}
