using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Data;
using MLPipelines.Results.Csv;

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
    private readonly MLContext _ml;

    private BatchPredictor(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelMetadata? metadata, string modelPath)
    {
        _ml = ml;
        _modelPath = modelPath;
        _model = model;
        _inputSchema = inputSchema;
        Metadata = metadata;
    }

    /// <summary>The zip's MLPipelines metadata, or null for other ML.NET zips.</summary>
    public ModelMetadata? Metadata { get; }

    /// <summary>Image models: the shape of one image (flattened <c>[C, H, W]</c> pixels in [0, 1]); null for tabular models.</summary>
    public ModelImageShape? Image => Metadata?.Image;

    /// <summary>The model's input columns as the data file names them (tabular models), with whether each is a number.</summary>
    public IReadOnlyList<ModelInputColumn> Inputs => Metadata?.Inputs
        ?? [.. _inputSchema.Select(c => new ModelInputColumn(c.Name, c.Name, c.Type == NumberDataViewType.Single))];

    /// <summary>Loads a model zip (tabular or image).</summary>
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

        var ml = ScratchFiles.Context(0);
        ITransformer model;
        DataViewSchema inputSchema;
        ModelMetadata? metadata;
        try
        {
            (model, inputSchema) = OnnxTempFiles.Create(() => (ml.Model.Load(path, out var schema), schema));
            metadata = ModelPackage.ReadMetadata(path);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // A model zip is user input: whatever ML.NET or the zip reader throws on a damaged one is bad input.
            throw DataFileException.File(path, $"not a readable ML.NET model zip ({Innermost(e).Message})");
        }

        if (inputSchema is null)
        {
            // ML.NET loads a zip without its Schema entry, but the input columns cannot be matched without it.
            throw DataFileException.File(path, "the zip has no input schema (its Schema entry is missing); re-run the pipeline to get an intact model");
        }

        if (metadata is not null && !IsComplete(metadata))
        {
            throw DataFileException.File(path, "the zip's mlpipe metadata is incomplete or damaged; re-run the pipeline to get an intact model");
        }

        return new BatchPredictor(ml, model, inputSchema, metadata, path);
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
        if (Image is { } image)
        {
            throw DataFileException.File(_modelPath,
                $"an image model (input: {image.Channels}x{image.Height}x{image.Width} pixels); mlpipe predict scores tables only. Serve it with mlpipe serve, or load it with ml.Model.Load and feed a 'Features' vector of pixels in [0, 1]");
        }

        var table = CsvTable.Read(inputPath, separator);
        var batch = Predict(table);
        WriteCsv(batch, output);
        return table.RowCount;
    }

    /// <summary>
    /// Scores the rows of <paramref name="table"/> (columns matched by header name, as in <see cref="Predict(string, TextWriter, char?)"/>).
    /// Thread-safe: concurrent calls share the loaded model.
    /// </summary>
    /// <exception cref="DataFileException">A column is missing, a numeric cell is not a number, or the model is damaged.</exception>
    public PredictionBatch Predict(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var missing = new MissingValueSet(Metadata?.MissingValues ?? MissingValueSet.Default.Tokens);
        var view = ModelInputView.Read(table, table.Path, _inputSchema,
            name => Metadata?.Inputs.FirstOrDefault(i => i.Name == name)?.FileColumn ?? name, missing);
        return Score(view, table.Path);
    }

    /// <summary>
    /// Scores <paramref name="count"/> images of an image model, given as flattened <c>[C, H, W]</c> pixels in [0, 1]
    /// laid one image after another (<see cref="Image"/> gives the shape). Thread-safe.
    /// </summary>
    public PredictionBatch PredictPixels(float[] pixels, int count)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var image = Image ?? throw new InvalidOperationException($"{_modelPath} is a tabular model; score it with Predict(CsvTable).");
        var size = image.Channels * image.Height * image.Width;
        if (count < 0 || pixels.Length != (long)count * size)
        {
            throw new ArgumentException($"{count} image(s) of {image.Channels}x{image.Height}x{image.Width} need {(long)count * size} pixel values; got {pixels.Length}.", nameof(pixels));
        }

        var rows = Enumerable.Range(0, count).Select(i => new PixelRow { Features = pixels.AsSpan(i * size, size).ToArray() });
        var definition = SchemaDefinition.Create(typeof(PixelRow));
        definition[nameof(PixelRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return Score(_ml.Data.LoadFromEnumerable(rows, definition), "the pixels");
    }

    private PredictionBatch Score(IDataView input, string source)
    {
        try
        {
            return Read(_model.Transform(input));
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or IOException or DataFileException))
        {
            // The zip loaded but its transforms do not fit together: a damaged or hand-edited model.
            throw DataFileException.File(_modelPath, $"the model cannot score {(source == "the pixels" ? source : $"'{source}'")} ({Innermost(e).GetType().Name}: {Innermost(e).Message}); is the zip intact?");
        }
    }

    private PredictionBatch Read(IDataView scored)
    {
        var schema = scored.Schema;
        var prediction = schema.GetColumnOrNull("Prediction") ?? schema.GetColumnOrNull("PredictedLabel") ?? schema["Score"];
        var probability = schema.GetColumnOrNull("Probability");
        var score = schema.GetColumnOrNull("Score");
        var multiclass = probability is null && score is { Type: VectorDataViewType };
        var known = Metadata?.Classes ?? [];
        IReadOnlyList<string> classes = multiclass
            ? [.. Enumerable.Range(0, ((VectorDataViewType)score!.Value.Type).Size)
                .Select(k => k < known.Count ? known[k] : k.ToString(System.Globalization.CultureInfo.InvariantCulture))]
            : probability is not null ? known : [];
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
        var getPrediction = ValueOf(cursor, prediction);
        var getProbability = probability is { } pc ? cursor.GetGetter<float>(pc) : null;
        var getScores = multiclass ? cursor.GetGetter<VBuffer<float>>(score!.Value) : null;
        var buffer = default(VBuffer<float>);
        float value = 0;
        var rows = new List<Prediction>();
        while (cursor.MoveNext())
        {
            var (label, number) = getPrediction();
            float? positive = null;
            float[]? perClass = null;
            if (getProbability is not null)
            {
                getProbability(ref value);
                positive = value;
            }
            else if (getScores is not null)
            {
                getScores(ref buffer);
                perClass = buffer.DenseValues().ToArray();
            }

            rows.Add(new Prediction(label, number, positive, perClass));
        }

        return new PredictionBatch(classes, rows);
    }

    private static void WriteCsv(PredictionBatch batch, TextWriter output)
    {
        var header = new List<string> { "row", "prediction" };
        var binary = batch.Rows.Count > 0 && batch.Rows[0].Probability is not null;
        var multiclass = batch.Rows.Count > 0 && batch.Rows[0].Probabilities is not null;
        if (binary)
        {
            header.Add("probability");
        }
        else if (multiclass)
        {
            header.AddRange(batch.Classes.Select(c => "probability_" + c));
        }

        output.WriteLine(string.Join(',', header.Select(PredictionsCsvWriter.Escape)));
        var line = new StringBuilder();
        for (var row = 0; row < batch.Rows.Count; row++)
        {
            var prediction = batch.Rows[row];
            line.Clear().Append(row + 1).Append(',').Append(PredictionsCsvWriter.Escape(prediction.Label));
            if (prediction.Probability is { } p)
            {
                line.Append(',').Append(PredictionsCsvWriter.Number(p));
            }
            else if (prediction.Probabilities is { } all)
            {
                foreach (var s in all)
                {
                    line.Append(',').Append(PredictionsCsvWriter.Number(s));
                }
            }

            output.WriteLine(line.ToString());
        }
    }

    /// <summary>A getter of the prediction as text (and as a number when it is one: regression).</summary>
    private static Func<(string Text, float? Number)> ValueOf(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type is TextDataViewType)
        {
            var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> text = default;
            return () =>
            {
                getter(ref text);
                return (text.ToString(), null);
            };
        }

        if (column.Type == BooleanDataViewType.Instance)
        {
            var getter = cursor.GetGetter<bool>(column);
            var b = false;
            return () =>
            {
                getter(ref b);
                return (b ? "true" : "false", null);
            };
        }

        var floatGetter = cursor.GetGetter<float>(column);
        float f = 0;
        return () =>
        {
            floatGetter(ref f);
            return (PredictionsCsvWriter.Number(f), f);
        };
    }

    private sealed class PixelRow
    {
        public float[] Features { get; set; } = [];
    }
}
