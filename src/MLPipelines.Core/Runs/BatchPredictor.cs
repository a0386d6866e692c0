using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Data;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Scores a CSV file with a saved model zip (<c>mlpipe predict</c>). Columns are matched by header name (any order;
/// extra columns, including the label, are ignored); numeric inputs must be numbers or missing-value tokens, each
/// bad cell reported by row and column. Output: <c>row</c>, <c>prediction</c> (in the label's terms), then binary
/// <c>probability</c> (of the positive class), multiclass <c>probability_CLASS</c> per class.
/// </summary>
public sealed class BatchPredictor
{
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;

    private readonly string _modelPath;

    private BatchPredictor(ITransformer model, DataViewSchema inputSchema, ModelMetadata? metadata, string modelPath)
    {
        _modelPath = modelPath;
        _model = model;
        _inputSchema = inputSchema;
        Metadata = metadata;
    }

    /// <summary>The zip's MLPipelines metadata, or null for other ML.NET zips.</summary>
    public ModelMetadata? Metadata { get; }

    /// <summary>Loads a model zip.</summary>
    /// <exception cref="DataFileException">The file is missing or not an ML.NET model.</exception>
    public static BatchPredictor Load(string path)
    {
        if (!File.Exists(path))
        {
            throw DataFileException.File(path, "model file not found");
        }

        if (Directory.Exists(path))
        {
            throw DataFileException.File(path, "is a directory; expected a model zip (models/NAME.zip of a run)");
        }

        var ml = new MLContext(seed: 0);
        ITransformer model;
        DataViewSchema inputSchema;
        ModelMetadata? metadata;
        try
        {
            model = ml.Model.Load(path, out inputSchema);
            metadata = ModelPackage.ReadMetadata(path);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // A model zip is user input: whatever ML.NET or the zip reader throws on a damaged one is bad input.
            throw DataFileException.File(path, $"not a readable ML.NET model zip ({Innermost(e).Message})");
        }

        if (metadata is not null && !IsComplete(metadata))
        {
            throw DataFileException.File(path, "the zip's mlpipe metadata is incomplete or damaged; re-run the pipeline to get an intact model");
        }

        if (metadata?.Image is { } image)
        {
            throw DataFileException.File(path,
                $"an image model (input: {image.Channels}x{image.Height}x{image.Width} pixels); mlpipe predict scores tables only. Load it with ml.Model.Load and feed a 'Features' vector of pixels in [0, 1]");
        }

        return new BatchPredictor(model, inputSchema, metadata, path);
    }

    private static bool IsComplete(ModelMetadata metadata) =>
        metadata.Inputs is not null && metadata.Inputs.All(i => i is { Name: not null, FileColumn: not null })
        && metadata.Classes is not null && metadata.Classes.All(c => c is not null)
        && metadata.MissingValues is not null && metadata.MissingValues.All(v => v is not null);

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    /// <summary>Scores <paramref name="inputPath"/> and writes the predictions CSV to <paramref name="output"/>.</summary>
    /// <returns>Rows scored.</returns>
    public int Predict(string inputPath, TextWriter output, char? separator = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var table = CsvTable.Read(inputPath, separator);
        var missing = new MissingValueSet(Metadata?.MissingValues ?? MissingValueSet.Default.Tokens);
        var view = ModelInputView.Read(table, inputPath, _inputSchema,
            name => Metadata?.Inputs.FirstOrDefault(i => i.Name == name)?.FileColumn ?? name, missing);
        try
        {
            WriteCsv(_model.Transform(view), output);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or IOException or DataFileException))
        {
            // The zip loaded but its transforms do not fit together: a damaged or hand-edited model.
            throw DataFileException.File(_modelPath, $"the model cannot score '{inputPath}' ({Innermost(e).GetType().Name}: {Innermost(e).Message}); is the zip intact?");
        }

        return table.RowCount;
    }

    private void WriteCsv(IDataView scored, TextWriter output)
    {
        var schema = scored.Schema;
        var prediction = schema.GetColumnOrNull("Prediction") ?? schema.GetColumnOrNull("PredictedLabel") ?? schema["Score"];
        var probability = schema.GetColumnOrNull("Probability");
        var score = schema.GetColumnOrNull("Score");
        var multiclass = score is { Type: VectorDataViewType };
        var classes = Metadata?.Classes ?? [];
        var header = new List<string> { "row", "prediction" };
        if (probability is not null)
        {
            header.Add("probability");
        }
        else if (multiclass)
        {
            var width = ((VectorDataViewType)score!.Value.Type).Size;
            header.AddRange(Enumerable.Range(0, width).Select(k => "probability_" + (k < classes.Count ? classes[k] : k.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        output.WriteLine(string.Join(',', header.Select(PredictionsCsvWriter.Escape)));
        var needed = new List<DataViewSchema.Column> { prediction };
        if (probability is { } p)
        {
            needed.Add(p);
        }
        else if (multiclass)
        {
            needed.Add(score!.Value);
        }

        using var cursor = scored.GetRowCursor(needed);
        var getPrediction = ValueAsText(cursor, prediction);
        var getProbability = probability is { } pc ? cursor.GetGetter<float>(pc) : null;
        var getScores = multiclass && probability is null ? cursor.GetGetter<VBuffer<float>>(score!.Value) : null;
        var buffer = default(VBuffer<float>);
        float value = 0;
        var line = new StringBuilder();
        var row = 0;
        while (cursor.MoveNext())
        {
            line.Clear().Append(row + 1).Append(',').Append(PredictionsCsvWriter.Escape(getPrediction()));
            if (getProbability is not null)
            {
                getProbability(ref value);
                line.Append(',').Append(PredictionsCsvWriter.Number(value));
            }
            else if (getScores is not null)
            {
                getScores(ref buffer);
                foreach (var s in buffer.DenseValues())
                {
                    line.Append(',').Append(PredictionsCsvWriter.Number(s));
                }
            }

            output.WriteLine(line.ToString());
            row++;
        }
    }

    private static Func<string> ValueAsText(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type is TextDataViewType)
        {
            var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> text = default;
            return () =>
            {
                getter(ref text);
                return text.ToString();
            };
        }

        if (column.Type == BooleanDataViewType.Instance)
        {
            var getter = cursor.GetGetter<bool>(column);
            var b = false;
            return () =>
            {
                getter(ref b);
                return b ? "true" : "false";
            };
        }

        var floatGetter = cursor.GetGetter<float>(column);
        float f = 0;
        return () =>
        {
            floatGetter(ref f);
            return PredictionsCsvWriter.Number(f);
        };
    }
}
