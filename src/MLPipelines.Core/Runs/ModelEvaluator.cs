using System.Diagnostics;
using Microsoft.ML;
using MLPipelines.Core.Evaluation;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Core.Trainers;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Trains and scores one model on every split, then on all rows, for any <see cref="IEvaluationData"/> (tables or
/// images). Each split gets a fresh, seeded <see cref="MLContext"/> and a fresh chain (preprocessing, cache when
/// useful, trainer, <c>Prediction</c> mapping) fitted on the split's training rows only and applied to its test
/// rows. With <c>evaluation.method: test_set</c> the one split's model is the final model (no refit on the
/// training and test images together: the saved model is the one that was scored).
/// </summary>
internal sealed class ModelEvaluator(PipelineSpec spec, IEvaluationData data, IReadOnlyList<FoldSplit> splits)
{
    /// <summary>Seed of the fit of split (<paramref name="repeat"/>, <paramref name="fold"/>): the same for every model.</summary>
    public static int SplitSeed(int seed, int repeat, int fold) => unchecked((seed * 31) + (repeat * 1009) + (fold * 17) + 1) & int.MaxValue;

    /// <summary>Permutation importance settings; null = not computed.</summary>
    public (int MaxRows, int Permutations)? Importance { get; init; }

    /// <summary>Finished splits of an earlier attempt are read from here, and new ones written; null = none kept.</summary>
    public UnitStore? Units { get; init; }

    /// <param name="finalDone">The final model is already saved (a resumed run): skip the final fit.</param>
    public ModelEvaluation Evaluate(int modelIndex, ITrainerPlugin plugin, IProgress<RunEvent>? progress, CancellationToken cancellation, bool finalDone = false)
    {
        var model = spec.Models[modelIndex];
        var stepsKey = model.Preprocessing is null ? "preprocessing" : $"models[{modelIndex}].preprocessing";
        var steps = model.Preprocessing ?? spec.Preprocessing;
        var options = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in model.Options)
        {
            options[key] = value;
        }

        var testSet = spec.Evaluation.Method == EvaluationMethod.TestSet;
        var importance = Importance is { } settings ? new PermutationImportance(data, PrimaryMetric, settings.MaxRows, settings.Permutations) : null;
        var folds = new List<FoldResult>(splits.Count);
        var scoredFolds = new List<(FoldSplit, ScoredRows)>(splits.Count);
        IReadOnlyList<string> stepLines = [];
        double predictSeconds = 0;
        long predictedRows = 0;
        (ITransformer Model, MLContext Context)? last = null;
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
            var unitName = SplitUnit.Name(modelIndex, model.Name, split.Repeat, split.Fold);
            if ((!testSet || finalDone) && Units is not null && Units.TryRead<SplitUnit>(unitName, out var stored)
                && stored.Fold.TestRows == split.Test.Length && stored.Score.Length == split.Test.Length)
            {
                folds.Add(stored.Fold);
                scoredFolds.Add((split, stored.Scored(data.Label.Task)));
                if (importance is not null && stored.Importance is not null)
                {
                    importance.AddStored(stored.Importance, stored.ImportanceRows);
                }

                predictSeconds += stored.Fold.PredictSeconds;
                predictedRows += split.Test.Length;
                progress?.Report(new RunEvent(RunEventKind.SplitFinished, $"{model.Name}: split {index}/{splits.Count} reused")
                {
                    Model = model.Name,
                    Split = index,
                    Splits = splits.Count,
                    Value = stored.Fold.Metrics.GetValueOrDefault(PrimaryMetric),
                    Metric = PrimaryMetric,
                });
                continue;
            }

            var seed = SplitSeed(spec.Evaluation.Seed, split.Repeat, split.Fold);
            var ml = new MLContext(seed);
            var log = new TrainingLog();
            var (estimator, lines) = BuildChain(ml, plugin, steps, stepsKey, options, log, seed, cancellation);
            stepLines = lines;
            var clock = Stopwatch.StartNew();
            var fitted = Fit(ml, estimator, data.Select(split.Train), cancellation);
            var fitSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var scored = ScoredRows.Read(fitted.Transform(data.Select(split.Test)), data.Label.Task);
            var seconds = clock.Elapsed.TotalSeconds;
            predictSeconds += seconds;
            predictedRows += split.Test.Length;
            var metrics = scored.Metrics(data.Label, split.Test);
            var foldResult = new FoldResult
            {
                Repeat = split.Repeat,
                Fold = split.Fold,
                TrainRows = split.Train.Length,
                TestRows = split.Test.Length,
                FitSeconds = fitSeconds,
                PredictSeconds = seconds,
                Metrics = metrics,
                TrainingLog = log.ToResult(),
            };
            folds.Add(foldResult);
            scoredFolds.Add((split, scored));
            double[][]? changes = null;
            if (importance is not null)
            {
                progress?.Report(new RunEvent(RunEventKind.ImportanceStarted, $"{model.Name}: permutation importance, split {index}/{splits.Count}")
                {
                    Model = model.Name,
                    Split = index,
                    Splits = splits.Count,
                });
                changes = importance.AddSplit(fitted, split.Test, seed ^ 0x2545F491, cancellation);
            }

            Units?.Write(unitName, SplitUnit.From(foldResult, scored, changes, importance?.RowsUsed ?? 0));
            last = (fitted, ml);
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
        if (stepLines.Count == 0)
        {
            (_, stepLines) = BuildChain(new MLContext(spec.Evaluation.Seed), plugin, steps, stepsKey, options, new TrainingLog(), spec.Evaluation.Seed, cancellation);
        }

        ITransformer? final;
        MLContext? finalMl;
        var finalClock = Stopwatch.StartNew();
        if (finalDone)
        {
            (final, finalMl) = (null, null);
        }
        else if (testSet && last is { } scoredModel)
        {
            (final, finalMl) = scoredModel;
        }
        else
        {
            progress?.Report(new RunEvent(RunEventKind.FinalFitStarted, $"{model.Name}: final fit on all {data.RowCount} rows") { Model = model.Name, Splits = splits.Count });
            finalMl = new MLContext(spec.Evaluation.Seed);
            var (finalEstimator, _) = BuildChain(finalMl, plugin, steps, stepsKey, options, new TrainingLog(), spec.Evaluation.Seed, cancellation);
            final = Fit(finalMl, finalEstimator, data.All, cancellation);
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
            FinalFitSeconds = testSet ? folds[0].FitSeconds : finalClock.Elapsed.TotalSeconds,
            ModelFile = $"models/{model.Name}.zip",
            PredictionsFile = $"predictions/{model.Name}.csv",
            FeatureImportance = importance?.Result(),
        };
        return new ModelEvaluation(result, scoredFolds, final, finalMl);
    }

    /// <summary>
    /// Fits model <paramref name="modelIndex"/>'s chain (its preprocessing and trainer) with <paramref name="options"/>
    /// on every row, seeded like the final fit: the saved model of a tuned variant.
    /// </summary>
    public (ITransformer Model, MLContext Context, double Seconds) FitAll(int modelIndex, ITrainerPlugin plugin, IReadOnlyDictionary<string, object?> options, CancellationToken cancellation)
    {
        var model = spec.Models[modelIndex];
        var stepsKey = model.Preprocessing is null ? "preprocessing" : $"models[{modelIndex}].preprocessing";
        var clock = Stopwatch.StartNew();
        var ml = new MLContext(spec.Evaluation.Seed);
        var (estimator, _) = BuildChain(ml, plugin, model.Preprocessing ?? spec.Preprocessing, stepsKey, options, new TrainingLog(), spec.Evaluation.Seed, cancellation);
        return (Fit(ml, estimator, data.All, cancellation), ml, clock.Elapsed.TotalSeconds);
    }

    private string PrimaryMetric => spec.Evaluation.PrimaryMetric ?? throw new InvalidOperationException("The spec is not resolved (SpecLoader.Resolve).");

    private (IEstimator<ITransformer> Estimator, IReadOnlyList<string> Steps) BuildChain(
        MLContext ml, ITrainerPlugin plugin, IReadOnlyList<PreprocessingStepSpec> steps, string stepsKey,
        IReadOnlyDictionary<string, object?> options, TrainingLog log, int seed, CancellationToken cancellation)
    {
        var features = data.BuildFeatures(ml, steps, plugin.Family, stepsKey);
        var context = new TrainerContext
        {
            MLContext = ml,
            Task = data.Label.Task,
            LabelColumn = TabularDataset.LabelColumn,
            FeatureColumn = FeaturePipelineBuilder.FeatureColumn,
            ClassCount = data.Label.ClassCount,
            Seed = seed,
            Image = features.Image,
            FeaturesNormalized = features.Normalized,
            Log = log,
            Cancellation = cancellation,
        };
        var estimator = features.Cache ? features.Estimator.AppendCacheCheckpoint(ml) : features.Estimator;
        return (estimator
            .Append(plugin.CreateEstimator(context, options))
            .Append(PredictionOutput.Create(ml, data.Label)), features.Steps);
    }

    private static ITransformer Fit(MLContext ml, IEstimator<ITransformer> estimator, IDataView data, CancellationToken cancellation)
    {
        try
        {
            using (MlContextCancellation.Register(ml, cancellation))
            {
                return estimator.Fit(data);
            }
        }
        catch (Exception) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException("The run was cancelled while a model was training.", cancellation);
        }
    }
}
