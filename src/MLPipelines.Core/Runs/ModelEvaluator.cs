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

    /// <summary>
    /// Evaluates model <paramref name="modelIndex"/>: one unit of work per split (<see cref="TrainSplit"/>, or the
    /// stored unit of an earlier attempt of the run), the final fit, then the reduction of the units into the model's
    /// results entry (<see cref="Reduce"/>).
    /// </summary>
    /// <param name="finalDone">The final model is already saved (a resumed run): skip the final fit.</param>
    public ModelEvaluation Evaluate(int modelIndex, ITrainerPlugin plugin, IProgress<RunEvent>? progress, CancellationToken cancellation, bool finalDone = false)
    {
        var model = spec.Models[modelIndex];
        var fit = new ModelFit(model, plugin, StepsKey(modelIndex, model), model.Preprocessing ?? spec.Preprocessing,
            new Dictionary<string, object?>(model.Options, StringComparer.Ordinal));
        var testSet = spec.Evaluation.Method == EvaluationMethod.TestSet;
        var importance = Importance is { } settings ? new PermutationImportance(data, PrimaryMetric, settings.MaxRows, settings.Permutations) : null;
        var units = new List<SplitUnit>(splits.Count);
        var scored = new List<(FoldSplit, ScoredRows)>(splits.Count);
        IReadOnlyList<string> stepLines = [];
        (ITransformer Model, MLContext Context)? last = null;
        foreach (var split in splits)
        {
            cancellation.ThrowIfCancellationRequested();
            var step = new SplitProgress(progress, model.Name, units.Count + 1, splits.Count);
            step.Report(RunEventKind.SplitStarted, "", null);
            var unitName = SplitUnit.Name(modelIndex, model.Name, split.Repeat, split.Fold);
            if ((!testSet || finalDone) && TryReuse(unitName, split) is { } stored)
            {
                units.Add(stored);
                scored.Add((split, stored.Scored(data.Label.Task)));
                step.Report(RunEventKind.SplitFinished, " reused", stored.Fold.Metrics.GetValueOrDefault(PrimaryMetric), PrimaryMetric);
                continue;
            }

            var trained = TrainSplit(fit, split, importance, step, cancellation);
            Units?.Write(unitName, trained.Unit);
            units.Add(trained.Unit);
            scored.Add((split, trained.Scored));
            stepLines = trained.Steps;
            last = (trained.Model, trained.Context);
            step.Report(RunEventKind.SplitFinished, " done", trained.Unit.Fold.Metrics.GetValueOrDefault(PrimaryMetric), PrimaryMetric);
        }

        cancellation.ThrowIfCancellationRequested();
        if (stepLines.Count == 0)
        {
            (_, stepLines) = BuildChain(ScratchFiles.Context(spec.Evaluation.Seed), fit, new TrainingLog(), spec.Evaluation.Seed, cancellation);
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
            finalMl = ScratchFiles.Context(spec.Evaluation.Seed);
            var (finalEstimator, _) = BuildChain(finalMl, fit, new TrainingLog(), spec.Evaluation.Seed, cancellation);
            final = Fit(finalMl, finalEstimator, data.All, cancellation);
        }

        var finalSeconds = testSet ? units[0].Fold.FitSeconds : finalClock.Elapsed.TotalSeconds;
        return new ModelEvaluation(Reduce(fit, units, stepLines, finalSeconds, importance), scored, final, finalMl);
    }

    /// <summary>
    /// Executes one unit by itself (on a worker): split (<paramref name="repeat"/>, <paramref name="fold"/>) of model
    /// <paramref name="modelIndex"/>, exactly as <see cref="Evaluate"/> does it in the run's own process.
    /// </summary>
    public SplitUnit EvaluateUnit(int modelIndex, ITrainerPlugin plugin, int repeat, int fold, CancellationToken cancellation)
    {
        var model = spec.Models[modelIndex];
        var split = splits.FirstOrDefault(s => s.Repeat == repeat && s.Fold == fold)
            ?? throw new ArgumentOutOfRangeException(nameof(fold), $"split r{repeat}-f{fold} is not one of the run's {splits.Count} splits");
        var fit = new ModelFit(model, plugin, StepsKey(modelIndex, model), model.Preprocessing ?? spec.Preprocessing,
            new Dictionary<string, object?>(model.Options, StringComparer.Ordinal));
        var importance = Importance is { } settings ? new PermutationImportance(data, PrimaryMetric, settings.MaxRows, settings.Permutations) : null;
        return TrainSplit(fit, split, importance, new SplitProgress(null, model.Name, 1, splits.Count), cancellation).Unit;
    }

    /// <summary>
    /// The unit of work: fits the model's chain on <paramref name="split"/>'s training rows (fresh context seeded by
    /// the split), scores its test rows, and measures the permutation importance there. Depends on nothing but the
    /// model, the split and the seed, so a stored unit can stand in for it.
    /// </summary>
    private TrainedSplit TrainSplit(ModelFit fit, FoldSplit split, PermutationImportance? importance, SplitProgress step, CancellationToken cancellation)
    {
        var seed = SplitSeed(spec.Evaluation.Seed, split.Repeat, split.Fold);
        var ml = ScratchFiles.Context(seed);
        var log = new TrainingLog();
        var (estimator, lines) = BuildChain(ml, fit, log, seed, cancellation);
        var clock = Stopwatch.StartNew();
        var fitted = Fit(ml, estimator, data.Select(split.Train), cancellation);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var scored = ScoredRows.Read(fitted.Transform(data.Select(split.Test)), data.Label.Task);
        var predictSeconds = clock.Elapsed.TotalSeconds;
        var fold = new FoldResult
        {
            Repeat = split.Repeat,
            Fold = split.Fold,
            TrainRows = split.Train.Length,
            TestRows = split.Test.Length,
            FitSeconds = fitSeconds,
            PredictSeconds = predictSeconds,
            Metrics = scored.Metrics(data.Label, split.Test),
            TrainingLog = log.ToResult(),
        };
        (double[][] Changes, int Rows)? measured = null;
        if (importance is not null)
        {
            step.Report(RunEventKind.ImportanceStarted, "", null, null);
            measured = importance.Measure(fitted, split.Test, seed ^ 0x2545F491, cancellation);
        }

        return new TrainedSplit(SplitUnit.From(fold, scored, measured?.Changes, measured?.Rows ?? 0), scored, fitted, ml, lines);
    }

    /// <summary>The stored unit of <paramref name="split"/> from an earlier attempt of the run, when it fits the split.</summary>
    private SplitUnit? TryReuse(string unitName, FoldSplit split) =>
        Units is not null && Units.TryRead<SplitUnit>(unitName, out var stored)
            && stored.Fold.TestRows == split.Test.Length && stored.Score.Length == split.Test.Length
            ? stored
            : null;

    /// <summary>
    /// The reduction: the model's results entry from its split units, fresh or reused alike (metric summaries over
    /// the splits, timings, the importance added up split by split).
    /// </summary>
    private static ModelResult Reduce(ModelFit fit, IReadOnlyList<SplitUnit> units, IReadOnlyList<string> stepLines, double finalSeconds, PermutationImportance? importance)
    {
        var folds = units.Select(u => u.Fold).ToList();
        if (importance is not null)
        {
            foreach (var unit in units.Where(u => u.Importance is not null))
            {
                importance.Add(unit.Importance!, unit.ImportanceRows);
            }
        }

        var predictSeconds = folds.Sum(f => f.PredictSeconds);
        var predictedRows = folds.Sum(f => (long)f.TestRows);
        return new ModelResult
        {
            Name = fit.Model.Name,
            Trainer = fit.Model.Trainer,
            Family = fit.Plugin.Family,
            Metrics = folds[0].Metrics.Keys.ToDictionary(m => m, m => MetricSummary.Of([.. folds.Select(f => f.Metrics[m])]), StringComparer.Ordinal),
            FitSeconds = TimingSummary.Of([.. folds.Select(f => f.FitSeconds)]),
            PredictRowsPerSecond = predictSeconds > 0 ? predictedRows / predictSeconds : 0,
            Options = fit.Options,
            Preprocessing = stepLines,
            Folds = folds,
            FinalFitSeconds = finalSeconds,
            ModelFile = $"models/{fit.Model.Name}.zip",
            PredictionsFile = $"predictions/{fit.Model.Name}.csv",
            FeatureImportance = importance?.Result(),
        };
    }

    private static string StepsKey(int modelIndex, ModelSpec model) =>
        model.Preprocessing is null ? "preprocessing" : $"models[{modelIndex}].preprocessing";

    /// <summary>
    /// Fits model <paramref name="modelIndex"/>'s chain (its preprocessing and trainer) with <paramref name="options"/>
    /// on every row, seeded like the final fit: the saved model of a tuned variant.
    /// </summary>
    public (ITransformer Model, MLContext Context, double Seconds) FitAll(int modelIndex, ITrainerPlugin plugin, IReadOnlyDictionary<string, object?> options, CancellationToken cancellation)
    {
        var model = spec.Models[modelIndex];
        var fit = new ModelFit(model, plugin, StepsKey(modelIndex, model), model.Preprocessing ?? spec.Preprocessing, options);
        var clock = Stopwatch.StartNew();
        var ml = ScratchFiles.Context(spec.Evaluation.Seed);
        var (estimator, _) = BuildChain(ml, fit, new TrainingLog(), spec.Evaluation.Seed, cancellation);
        return (Fit(ml, estimator, data.All, cancellation), ml, clock.Elapsed.TotalSeconds);
    }

    private string PrimaryMetric => spec.Evaluation.PrimaryMetric ?? throw new InvalidOperationException("The spec is not resolved (SpecLoader.Resolve).");

    private (IEstimator<ITransformer> Estimator, IReadOnlyList<string> Steps) BuildChain(
        MLContext ml, ModelFit fit, TrainingLog log, int seed, CancellationToken cancellation)
    {
        var features = data.BuildFeatures(ml, fit.Steps, fit.Plugin.Family, fit.StepsKey);
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
        // A trainer that reads its rows once gets them straight from the preprocessing: a cache would copy them once more.
        var estimator = features.Cache && !fit.Plugin.ReadsTrainingRowsOnce ? features.Estimator.AppendCacheCheckpoint(ml) : features.Estimator;
        return (estimator
            .Append(fit.Plugin.CreateEstimator(context, fit.Options))
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

    /// <summary>What one fit of a model needs: its spec, trainer, preprocessing (and its key, for messages) and options.</summary>
    private sealed record ModelFit(ModelSpec Model, ITrainerPlugin Plugin, string StepsKey, IReadOnlyList<PreprocessingStepSpec> Steps, IReadOnlyDictionary<string, object?> Options);

    /// <summary>A unit of work just done: the unit, its scored rows, and the fitted model (kept for test_set).</summary>
    private sealed record TrainedSplit(SplitUnit Unit, ScoredRows Scored, ITransformer Model, MLContext Context, IReadOnlyList<string> Steps);

    /// <summary>Progress events of one split of one model.</summary>
    private readonly record struct SplitProgress(IProgress<RunEvent>? Progress, string Model, int Split, int Splits)
    {
        public void Report(RunEventKind kind, string suffix, double? value, string? metric = null)
        {
            var text = kind switch
            {
                RunEventKind.SplitStarted => $"{Model}: split {Split}/{Splits}",
                RunEventKind.ImportanceStarted => $"{Model}: permutation importance, split {Split}/{Splits}",
                _ => $"{Model}: split {Split}/{Splits}{suffix}",
            };
            Progress?.Report(new RunEvent(kind, text) { Model = Model, Split = Split, Splits = Splits, Value = value, Metric = metric });
        }
    }
}
