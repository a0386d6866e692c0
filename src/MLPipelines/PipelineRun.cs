using Microsoft.Data.Analysis;
using MLPipelines.Core.Runs;
using MLPipelines.Results;
using MLPipelines.Results.Csv;

namespace MLPipelines;

/// <summary>
/// A finished run folder and its results, with the tables an analysis starts from as DataFrames: the leaderboard,
/// the score of every model on every split, and each model's out-of-fold predictions.
/// </summary>
public sealed class PipelineRun
{
    internal PipelineRun(string directory, RunResults results)
    {
        Directory = directory;
        Results = results;
    }

    /// <summary>The run folder.</summary>
    public string Directory { get; }

    /// <summary>Everything results.json holds, typed.</summary>
    public RunResults Results { get; }

    /// <summary>Opens a finished run folder (one with results.json).</summary>
    /// <exception cref="RunFolderException">No results.json there.</exception>
    public static PipelineRun Open(string directory)
    {
        var file = Path.Combine(directory, "results.json");
        if (!System.IO.File.Exists(file))
        {
            throw new RunFolderException($"{directory}: no results.json; is it a finished run folder?");
        }

        return new PipelineRun(directory, ResultsJson.Read(file));
    }

    /// <summary>
    /// One row per model, best first by the primary metric: <c>model</c>, <c>trainer</c>, then the mean of every
    /// metric over the splits, the primary metric's confidence interval (<c>ci_low</c>, <c>ci_high</c>), the mean fit
    /// seconds per split and the rows per second at prediction.
    /// </summary>
    public DataFrame Leaderboard()
    {
        var primary = Results.PrimaryMetric;
        var higher = TaskMetrics.HigherIsBetter(primary);
        var models = Results.Models
            .OrderBy(m => m.Metrics.TryGetValue(primary, out var s) ? (higher ? -s.Mean : s.Mean) : double.PositiveInfinity)
            .ToList();
        var metrics = models.SelectMany(m => m.Metrics.Keys).Distinct().OrderBy(k => k == primary ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("model", models.Select(m => m.Name)),
            new StringDataFrameColumn("trainer", models.Select(m => m.Trainer)),
        };
        columns.AddRange(metrics.Select(metric => new DoubleDataFrameColumn(metric,
            models.Select(m => m.Metrics.TryGetValue(metric, out var s) ? s.Mean : (double?)null))));
        columns.Add(new DoubleDataFrameColumn("ci_low", models.Select(m => m.Metrics.GetValueOrDefault(primary)?.CiLow)));
        columns.Add(new DoubleDataFrameColumn("ci_high", models.Select(m => m.Metrics.GetValueOrDefault(primary)?.CiHigh)));
        columns.Add(new DoubleDataFrameColumn("fit_seconds", models.Select(m => (double?)m.FitSeconds.Mean)));
        columns.Add(new DoubleDataFrameColumn("predict_rows_per_second", models.Select(m => (double?)m.PredictRowsPerSecond)));
        return new DataFrame(columns);
    }

    /// <summary>One row per model and split: <c>model</c>, <c>repeat</c>, <c>fold</c>, <c>train_rows</c>, <c>test_rows</c>, <c>fit_seconds</c>, then every metric.</summary>
    public DataFrame Scores()
    {
        var rows = Results.Models.SelectMany(m => m.Folds.Select(f => (Model: m.Name, Fold: f))).ToList();
        var metrics = rows.SelectMany(r => r.Fold.Metrics.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("model", rows.Select(r => r.Model)),
            new Int32DataFrameColumn("repeat", rows.Select(r => r.Fold.Repeat)),
            new Int32DataFrameColumn("fold", rows.Select(r => r.Fold.Fold)),
            new Int32DataFrameColumn("train_rows", rows.Select(r => r.Fold.TrainRows)),
            new Int32DataFrameColumn("test_rows", rows.Select(r => r.Fold.TestRows)),
            new DoubleDataFrameColumn("fit_seconds", rows.Select(r => r.Fold.FitSeconds)),
        };
        columns.AddRange(metrics.Select(metric => new DoubleDataFrameColumn(metric,
            rows.Select(r => r.Fold.Metrics.TryGetValue(metric, out var v) ? v : (double?)null))));
        return new DataFrame(columns);
    }

    /// <summary>
    /// The out-of-fold predictions of <paramref name="model"/> (<c>predictions/NAME.csv</c>): <c>row</c>, <c>repeat</c>,
    /// <c>fold</c>, <c>actual</c>, <c>predicted</c>, then probabilities or the score.
    /// </summary>
    /// <exception cref="RunFolderException">No such model, or it wrote no predictions.</exception>
    public DataFrame Predictions(string model) => DataFrames.FromTable(CsvTable.Read(File(model, m => m.PredictionsFile, "predictions")));

    /// <summary>The saved model <paramref name="model"/> (<c>models/NAME.zip</c>), ready to score DataFrames or to serve.</summary>
    /// <exception cref="RunFolderException">No such model, or it has no saved zip.</exception>
    public PipelineModel Model(string model) => PipelineModel.Load(File(model, m => m.ModelFile, "a model zip"));

    /// <summary>The saved model that leads the <see cref="Leaderboard"/>.</summary>
    public PipelineModel BestModel()
    {
        var best = Leaderboard().Columns["model"][0] as string;
        return Model(best!);
    }

    private string File(string model, Func<ModelResult, string?> file, string what)
    {
        var result = Results.Models.FirstOrDefault(m => m.Name == model)
            ?? throw new RunFolderException($"{Directory}: no model '{model}'{MLPipelines.Spec.NameSuggester.DidYouMean(model, Results.Models.Select(m => m.Name))}");
        return file(result) is { } relative
            ? Path.Combine(Directory, relative)
            : throw new RunFolderException($"{Directory}: model '{model}' has no {what}");
    }
}
