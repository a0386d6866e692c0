using Microsoft.Data.Analysis;
using MLPipelines.Core.Runs;
using MLPipelines.Serving;

namespace MLPipelines;

/// <summary>
/// A saved model zip (<c>models/NAME.zip</c> of a run): scores a DataFrame into a DataFrame of predictions, the
/// same values <c>mlpipe predict</c> writes, or serves itself over HTTP in-process. Thread-safe.
/// </summary>
public sealed class PipelineModel
{
    private readonly BatchPredictor _predictor;

    private PipelineModel(string file, BatchPredictor predictor)
    {
        File = file;
        _predictor = predictor;
    }

    /// <summary>The zip.</summary>
    public string File { get; }

    /// <summary><c>binary</c>, <c>multiclass</c> or <c>regression</c>.</summary>
    public string Task => _predictor.Metadata?.Task ?? "";

    /// <summary>The input columns the model reads (by the data file's names), with whether each is a number.</summary>
    public IReadOnlyList<ModelInputColumn> Inputs => _predictor.Inputs;

    /// <summary>Loads a model zip.</summary>
    /// <exception cref="MLPipelines.Results.Csv.DataFileException">Missing, or not an ML.NET model zip.</exception>
    public static PipelineModel Load(string zip) => new(zip, BatchPredictor.Load(zip));

    /// <summary>
    /// Scores the rows of <paramref name="rows"/> (columns matched by name; others, such as the label, ignored):
    /// <c>prediction</c> in the label's terms (a number for regression), then <c>probability</c> of the positive
    /// class (binary) or <c>probability_CLASS</c> per class (multiclass).
    /// </summary>
    /// <exception cref="MLPipelines.Results.Csv.DataFileException">A model column is missing, or a numeric column holds text.</exception>
    public DataFrame Predict(DataFrame rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_predictor.Image is not null)
        {
            throw new InvalidOperationException($"{File} is an image model; score it with mlpipe serve or ml.Model.Load on pixel vectors.");
        }

        var batch = _predictor.Predict(DataFrames.ToTable(rows, "the DataFrame"));
        var columns = new List<DataFrameColumn>();
        if (Task == "regression")
        {
            columns.Add(new SingleDataFrameColumn("prediction", batch.Rows.Select(p => p.Value)));
        }
        else
        {
            columns.Add(new StringDataFrameColumn("prediction", batch.Rows.Select(p => p.Label)));
        }

        if (batch.Rows.Count > 0 && batch.Rows[0].Probability is not null)
        {
            columns.Add(new SingleDataFrameColumn("probability", batch.Rows.Select(p => p.Probability)));
        }
        else if (batch.Rows.Count > 0 && batch.Rows[0].Probabilities is not null)
        {
            columns.AddRange(batch.Classes.Select((name, k) =>
                new SingleDataFrameColumn("probability_" + name, batch.Rows.Select(p => (float?)p.Probabilities![k]))));
        }

        return new DataFrame(columns);
    }

    /// <summary>Serves this model over HTTP (<c>POST /predict</c>; see <see cref="ModelServer"/>); dispose the server to stop it.</summary>
    public Task<ModelServer> ServeAsync(ServeOptions? options = null, CancellationToken cancellation = default) =>
        ModelServer.StartAsync(ModelCatalog.Load(File), options ?? new ServeOptions { Port = 0 }, cancellation: cancellation);
}
