using System.Diagnostics;
using Microsoft.ML;
using MLPipelines.Core.Data;
using MLPipelines.Core.Evaluation;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Core.Results;
using MLPipelines.Core.Spec;
using MLPipelines.Core.Trainers;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Trains and scores one model on every split, then on all rows. Each split gets a fresh, seeded
/// <see cref="MLContext"/> and a fresh chain (preprocessing, cache, trainer, <c>Prediction</c> mapping) fitted on
/// the split's training rows only and applied to its test rows.
/// </summary>
internal sealed class ModelEvaluator(PipelineSpec spec, TabularDataset dataset, IReadOnlyList<FoldSplit> splits, Func<string, string> where)
{
    /// <summary>Seed of the fit of split (<paramref name="repeat"/>, <paramref name="fold"/>): the same for every model.</summary>
    public static int SplitSeed(int seed, int repeat, int fold) => unchecked((seed * 31) + (repeat * 1009) + (fold * 17) + 1) & int.MaxValue;

    public (ModelResult Result, List<(FoldSplit, ScoredRows)> Scored, ITransformer Final, MLContext FinalContext) Evaluate(
        int modelIndex, ITrainerPlugin plugin, IProgress<RunEvent>? progress, CancellationToken cancellation)
    {
        var model = spec.Models[modelIndex];
        var stepsKey = model.Preprocessing is null ? "preprocessing" : $"models[{modelIndex}].preprocessing";
        var steps = model.Preprocessing ?? spec.Preprocessing;
        var options = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in model.Options)
        {
            options[key] = value;
        }

        var folds = new List<FoldResult>(splits.Count);
        var scoredFolds = new List<(FoldSplit, ScoredRows)>(splits.Count);
        IReadOnlyList<string> stepLines = [];
        double predictSeconds = 0;
        long predictedRows = 0;
        foreach (var split in splits)
        {
            cancellation.ThrowIfCancellationRequested();
            var index = folds.Count + 1;
            progress?.Report(new RunEvent(RunEventKind.SplitStarted, $"{model.Name}: split {index}/{splits.Count}")
            {
                Model = model.Name,
                Split = index,
                Splits = splits.Count,
            });
            var ml = new MLContext(SplitSeed(spec.Evaluation.Seed, split.Repeat, split.Fold));
            var log = new TrainingLog();
            var seed = SplitSeed(spec.Evaluation.Seed, split.Repeat, split.Fold);
            var (estimator, lines) = BuildChain(ml, plugin, steps, stepsKey, options, log, seed, cancellation);
            stepLines = lines;
            var clock = Stopwatch.StartNew();
            ITransformer fitted;
            using (MlContextCancellation.Register(ml, cancellation))
            {
                fitted = Fit(estimator, dataset.View.Select(split.Train), cancellation);
            }

            var fitSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var scored = ScoredRows.Read(fitted.Transform(dataset.View.Select(split.Test)), dataset.Label.Task);
            var seconds = clock.Elapsed.TotalSeconds;
            predictSeconds += seconds;
            predictedRows += split.Test.Length;
            var metrics = scored.Metrics(dataset.Label, split.Test);
            folds.Add(new FoldResult
            {
                Repeat = split.Repeat,
                Fold = split.Fold,
                TrainRows = split.Train.Length,
                TestRows = split.Test.Length,
                FitSeconds = fitSeconds,
                PredictSeconds = seconds,
                Metrics = metrics,
                TrainingLog = TrainingLogResult.From(log),
            });
            scoredFolds.Add((split, scored));
            progress?.Report(new RunEvent(RunEventKind.SplitFinished, $"{model.Name}: split {index}/{splits.Count} done")
            {
                Model = model.Name,
                Split = index,
                Splits = splits.Count,
                Value = metrics.GetValueOrDefault(PrimaryMetric),
                Metric = PrimaryMetric,
            });
        }

        cancellation.ThrowIfCancellationRequested();
        progress?.Report(new RunEvent(RunEventKind.FinalFitStarted, $"{model.Name}: final fit on all {dataset.RowCount} rows") { Model = model.Name, Splits = splits.Count });
        var finalMl = new MLContext(spec.Evaluation.Seed);
        var (finalEstimator, _) = BuildChain(finalMl, plugin, steps, stepsKey, options, new TrainingLog(), spec.Evaluation.Seed, cancellation);
        var finalClock = Stopwatch.StartNew();
        ITransformer final;
        using (MlContextCancellation.Register(finalMl, cancellation))
        {
            final = Fit(finalEstimator, dataset.View, cancellation);
        }

        var metricNames = folds[0].Metrics.Keys.ToList();
        var result = new ModelResult
        {
            Name = model.Name,
            Trainer = model.Trainer,
            Family = plugin.Family,
            Metrics = metricNames.ToDictionary(m => m, m => MetricSummary.Of([.. folds.Select(f => f.Metrics[m])]), StringComparer.Ordinal),
            FitSeconds = TimingSummary.Of([.. folds.Select(f => f.FitSeconds)]),
            PredictRowsPerSecond = predictSeconds > 0 ? predictedRows / predictSeconds : 0,
            Options = options,
            Preprocessing = stepLines,
            Folds = folds,
            FinalFitSeconds = finalClock.Elapsed.TotalSeconds,
            ModelFile = $"models/{model.Name}.zip",
            PredictionsFile = $"predictions/{model.Name}.csv",
        };
        return (result, scoredFolds, final, finalMl);
    }

    private string PrimaryMetric => spec.Evaluation.PrimaryMetric ?? (dataset.Label.Task == TaskKind.Regression ? "rmse" : "accuracy");

    private (IEstimator<ITransformer> Estimator, IReadOnlyList<string> Steps) BuildChain(
        MLContext ml, ITrainerPlugin plugin, IReadOnlyList<PreprocessingStepSpec> steps, string stepsKey,
        IReadOnlyDictionary<string, object?> options, TrainingLog log, int seed, CancellationToken cancellation)
    {
        var features = FeaturePipelineBuilder.Build(ml, dataset.Schema, dataset.Missing, steps, plugin.Family, stepsKey, where);
        var context = new TrainerContext
        {
            MLContext = ml,
            Task = dataset.Label.Task,
            LabelColumn = TabularDataset.LabelColumn,
            FeatureColumn = FeaturePipelineBuilder.FeatureColumn,
            ClassCount = dataset.Label.ClassCount,
            Seed = seed,
            FeaturesNormalized = features.Normalized,
            Log = log,
            Cancellation = cancellation,
        };
        var estimator = features.Estimator
            .AppendCacheCheckpoint(ml)
            .Append(plugin.CreateEstimator(context, options))
            .Append(PredictionOutput.Create(ml, dataset.Label));
        return (estimator, features.Steps);
    }

    private static ITransformer Fit(IEstimator<ITransformer> estimator, IDataView data, CancellationToken cancellation)
    {
        try
        {
            return estimator.Fit(data);
        }
        catch (Exception) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException("The run was cancelled while a model was training.", cancellation);
        }
    }
}
