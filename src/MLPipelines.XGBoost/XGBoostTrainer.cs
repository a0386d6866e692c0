using System.Globalization;
using Microsoft.ML;
using MLPipelines.Core.Runs;
using MLPipelines.Results;
using MLPipelines.Trainers.Training;
using MLPipelines.XGBoost.Native;
using MLPipelines.XGBoost.Training;

namespace MLPipelines.XGBoost;

/// <summary>
/// Gradient-boosted trees trained by XGBoost's own C library (binary, multiclass, regression) as an ML.NET
/// estimator. Reach it with <c>mlContext.BinaryClassification.Trainers.XGBoost(...)</c> (and the multiclass and
/// regression catalogs), or <c>trainer: xgboost</c> in a pipeline.
/// </summary>
/// <remarks>
/// <see cref="Fit"/> reads the feature vector (NaN = missing, left to XGBoost's default directions) and the label,
/// builds a DMatrix like python's <c>xgboost.DMatrix(numpy_array)</c>, sets the parameters
/// (<see cref="XGBoostOptions"/>, objective from the task), runs <see cref="XGBoostOptions.NEstimators"/> rounds of
/// <c>XGBoosterUpdateOneIter</c> as <c>xgboost.train</c> does, and returns an <see cref="XGBoostModel"/> that scores
/// through ML.NET's <c>ApplyOnnxModel</c>. Saving the booster as JSON and converting it to an ONNX tree ensemble wait
/// until the model is first scored or saved (<see cref="XGBoostScoringBuilder"/>), which also releases the native
/// booster; disposing an unused model releases it too. XGBoost sets no process-wide OpenMP state (every parallel
/// loop names its thread count), so fits may run concurrently, unlike LightGBM's.
/// </remarks>
public sealed class XGBoostTrainer : IEstimator<XGBoostModel>
{
    private readonly MLContext _ml;
    private readonly XGBoostOptions _options;
    private readonly XGBoostFitHooks _hooks;

    internal XGBoostTrainer(MLContext ml, TaskKind task, XGBoostOptions options, XGBoostFitHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.LabelColumnName);
        ArgumentException.ThrowIfNullOrEmpty(options.FeatureColumnName);
        XGBoostOptionsValidator.ThrowIfInvalid(options);
        _ml = ml;
        Task = task;
        _options = options.Clone();
        _hooks = hooks ?? new XGBoostFitHooks();
    }

    /// <summary>The task this trainer was created for.</summary>
    public TaskKind Task { get; }

    /// <summary>A copy of the options.</summary>
    public XGBoostOptions Options => _options.Clone();

    /// <summary>Trains the booster on <paramref name="input"/> and returns the scoring transformer.</summary>
    /// <exception cref="XGBoostException">The library is missing, or XGBoost rejected a parameter or the data.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    public XGBoostModel Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        XGBoostLibrary.EnsureAvailable();
        var fit = new FitClock();
        var (label, features) = (_options.LabelColumnName, _options.FeatureColumnName);
        var data = XGBoostTrainingData.Read(input, Task, label, features);
        var parameters = XGBoostParameters.For(_options, Task, data.ClassCount, _options.Seed ?? _hooks.Seed ?? 0);
        var read = (fit.WallSeconds, fit.ProcessorSeconds);
        var boosting = new FitClock();
        var booster = OpenMpThreads.Process.Run(() => Train(data, parameters));
        var boosted = (boosting.WallSeconds, boosting.ProcessorSeconds);
        var scoring = new XGBoostScoringBuilder(_ml, Task, booster, input, label, features, data.Width, data.ClassCount);
        var trees = _options.NEstimators * (Task == TaskKind.Multiclass ? data.ClassCount : 1);
        var result = new XGBoostModelParameters(Task, () => scoring.BoosterJson, parameters, _options.NEstimators, trees, data.Rows, XGBoostLibrary.Probe().Version!);
        Note(result, data, read, boosted, (fit.WallSeconds, fit.ProcessorSeconds));
        return new XGBoostModel(scoring, result, features, input.Schema[features].Type);
    }

    /// <summary>
    /// The training loop of <c>xgboost.train(params, dtrain, num_boost_round)</c>: one booster caching the training
    /// matrix, parameters set once, one <c>UpdateOneIter</c> per round. The booster keeps the matrix alive (XGBoost
    /// holds it in the booster's cache, as python's does) until it is disposed.
    /// </summary>
    private Booster Train(XGBoostTrainingData data, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        using var matrix = DMatrix.FromDense(data.Features.Span, data.Rows, data.Width, _options.Threads ?? 0);
        matrix.SetLabels(data.Labels.Span);
        var booster = Booster.Create(matrix);
        try
        {
            foreach (var (name, value) in parameters)
            {
                booster.SetParameter(name, value);
            }

            for (var round = 0; round < _options.NEstimators; round++)
            {
                _hooks.Cancellation.ThrowIfCancellationRequested();
                booster.UpdateOneIteration(round, matrix);
            }

            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>The added columns as described on <see cref="PredictionSchema"/>.</remarks>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        XGBoostSchema.CheckShape(inputSchema, _options.LabelColumnName, _options.FeatureColumnName, Task);
        return PredictionSchema.Shape(_ml, Task, _options.LabelColumnName, _options.FeatureColumnName, inputSchema);
    }

    /// <summary>
    /// Records the size of the model and three spans, each as wall-clock and processor seconds (the whole process's, so
    /// work on other threads counts): <c>read_seconds</c> / <c>read_cpu_seconds</c> (reading the rows out of the
    /// input view, which computes its lazy preprocessing), <c>booster_seconds</c> / <c>booster_cpu_seconds</c> (DMatrix and boosting
    /// rounds, the span python's <c>DMatrix(...)</c> + <c>xgboost.train</c> covers) and <c>trainer_seconds</c> /
    /// <c>trainer_cpu_seconds</c> (the whole <see cref="Fit"/>: reading the rows and boosting; the conversion for scoring
    /// happens later, on first scoring, and counts in the split's predict seconds).
    /// </summary>
    private void Note(XGBoostModelParameters result, XGBoostTrainingData data, (double Wall, double Cpu) read, (double Wall, double Cpu) booster, (double Wall, double Cpu) trainer)
    {
        if (_hooks.Log is not { } log)
        {
            return;
        }

        log.Values["rounds"] = result.Rounds;
        log.Values["trees"] = result.Trees;
        log.Values["read_seconds"] = Math.Round(read.Wall, 4);
        log.Values["read_cpu_seconds"] = Math.Round(read.Cpu, 4);
        log.Values["booster_seconds"] = Math.Round(booster.Wall, 4);
        log.Values["booster_cpu_seconds"] = Math.Round(booster.Cpu, 4);
        log.Values["trainer_seconds"] = Math.Round(trainer.Wall, 4);
        log.Values["trainer_cpu_seconds"] = Math.Round(trainer.Cpu, 4);
        if (data.SkippedRows > 0)
        {
            log.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{data.SkippedRows} row(s) without a label were skipped"));
        }
    }
}
