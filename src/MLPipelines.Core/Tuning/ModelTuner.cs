using System.Globalization;
using Microsoft.ML;
using MLPipelines.Core.Evaluation;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Results.Statistics;
using MLPipelines.Spec;
using MLPipelines.Tuning.Search;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// Evaluates a model with <c>tune</c>: a nested search on every outer split (<see cref="SplitTuner"/>), giving three
/// rows on the run's own splits: <c>NAME</c> (the defaults, bagged over the inner splits), <c>NAME:tuned</c> and
/// <c>NAME:ensembled</c>. Saved models: the defaults and the tuned configuration fitted on all rows (the tuned one is
/// the configuration with the best mean inner score over the outer splits that all evaluated it); an ensemble has
/// no single saved model.
/// </summary>
internal sealed class ModelTuner(PipelineSpec spec, IEvaluationData data, IReadOnlyList<FoldSplit> splits, ModelEvaluator evaluator, string tuningDirectory, string attempt)
{
    /// <summary>Separator of a variant's row name, <c>NAME:tuned</c>.</summary>
    public const char VariantSeparator = ':';

    public IReadOnlyList<ModelEvaluation> Evaluate(int modelIndex, ITrainerPlugin plugin, TuningSettings settings, IProgress<RunEvent>? progress, CancellationToken cancellation)
    {
        var model = spec.Models[modelIndex];
        var options = ResolvedOptions(plugin, model.Options);
        var metric = spec.Evaluation.PrimaryMetric ?? throw new InvalidOperationException("The primary metric is not resolved.");
        var higher = MetricDirections.For(metric) == MetricDirection.HigherIsBetter;
        var stepsKey = model.Preprocessing is null ? "preprocessing" : $"models[{modelIndex}].preprocessing";
        var preparer = new FeaturePreparer(data, model.Preprocessing ?? spec.Preprocessing, plugin.Family, stepsKey);
        var configSeed = unchecked((long)TuningRandom.For(spec.Evaluation.Seed, TuningRandom.Key(model.Name)).NextBits());
        var tuner = new SplitTuner(data, preparer, plugin, options, settings, new InnerScorer(data.Label, metric), higher, configSeed, spec.Evaluation.Stratify == true);
        var directory = Path.Combine(tuningDirectory, FileName(model.Name));
        var tuned = new List<(FoldSplit Split, TunedSplit Result)>();
        foreach (var split in splits)
        {
            cancellation.ThrowIfCancellationRequested();
            var index = tuned.Count + 1;
            progress?.Report(new RunEvent(RunEventKind.SplitStarted, $"{model.Name}: tuning split {index}/{splits.Count} ({settings.Budget})") { Model = model.Name, Split = index, Splits = splits.Count });
            var trials = new Progress(p => progress?.Report(new RunEvent(RunEventKind.SplitStarted, $"{model.Name}: split {index}/{splits.Count}, trial {p}") { Model = model.Name, Split = index, Splits = splits.Count }));
            var store = new TrialStore(directory, split.Repeat, split.Fold, attempt);
            var result = tuner.Run(split, ModelEvaluator.SplitSeed(spec.Evaluation.Seed, split.Repeat, split.Fold), store, trials, cancellation);
            tuned.Add((split, result));
            progress?.Report(new RunEvent(RunEventKind.SplitFinished, $"{model.Name}: split {index}/{splits.Count} done") { Model = model.Name, Split = index, Splits = splits.Count, Value = result.Result.TunedOuterScore, Metric = metric });
        }

        progress?.Report(new RunEvent(RunEventKind.FinalFitStarted, $"{model.Name}: final fits on all {data.RowCount} rows (defaults and tuned configuration)") { Model = model.Name, Splits = splits.Count });
        var defaults = evaluator.FitAll(modelIndex, plugin, options, cancellation);
        var (finalConfig, finalFraction) = FinalConfig(tuned, settings, configSeed, options, higher);
        var finalOptions = TrialRunner.OptionsFor(finalConfig, finalFraction, options, settings.ResourceOption);
        var best = evaluator.FitAll(modelIndex, plugin, finalOptions, cancellation);
        var search = Search(settings, tuned);
        return
        [
            Variant(model, plugin, "default", options, tuned, t => t.Default, t => t.Result.TrialLog.First(x => x.Key.StartsWith("c0-", StringComparison.Ordinal)).Seconds, (defaults.Model, defaults.Context), defaults.Seconds, null),
            Variant(model, plugin, "tuned", finalOptions, tuned, t => t.Tuned, t => t.Result.Seconds, (best.Model, best.Context), best.Seconds, search),
            Variant(model, plugin, "ensembled", options, tuned, t => t.Ensembled, t => t.Result.Seconds, null, 0, null),
        ];
    }

    /// <summary>Row name of a variant: <c>NAME</c>, <c>NAME:tuned</c>, <c>NAME:ensembled</c>.</summary>
    public static string RowName(string model, string variant) => variant == "default" ? model : $"{model}{VariantSeparator}{variant}";

    /// <summary>A name usable in file names: the separator becomes '-'.</summary>
    public static string FileName(string name) => name.Replace(VariantSeparator, '-');

    /// <summary>Every option of the trainer: its declared default unless the model sets it.</summary>
    public static Dictionary<string, object?> ResolvedOptions(ITrainerPlugin plugin, IReadOnlyDictionary<string, object?> own)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(own);
        var options = plugin.Options.ToDictionary(o => o.Name, o => SearchValues.Normalize(o.Default), StringComparer.Ordinal);
        foreach (var (key, value) in own)
        {
            options[key] = SearchValues.Normalize(value);
        }

        return options;
    }

    /// <summary>
    /// The configuration saved as <c>NAME:tuned</c>: the evaluation (configuration and rung) with the best mean inner
    /// score over the outer splits, among those every split evaluated; the defaults when none was, or when the
    /// one-standard-error rule kept the defaults on at least half of the outer splits.
    /// </summary>
    private static (TrialConfig Config, double Fraction) FinalConfig(
        List<(FoldSplit Split, TunedSplit Result)> tuned, TuningSettings settings, long configSeed, IReadOnlyDictionary<string, object?> options, bool higher)
    {
        if (settings.Selection == TuningSelection.OneStandardError && tuned.Count(t => !t.Result.Result.Chosen.StartsWith("c0-", StringComparison.Ordinal)) * 2 <= tuned.Count)
        {
            // The rule kept the defaults on at least half of the outer splits: the saved tuned model is the defaults too.
            return (TrialConfig.Default, 1);
        }

        var common = tuned
            .SelectMany(t => t.Result.Result.TrialLog.Where(x => x.Error is null && double.IsFinite(x.InnerScore)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Count() == tuned.Count)
            .Select(g => (Key: g.Key, g.First().Rung, g.First().ResourceFraction, Mean: g.Average(x => x.InnerScore)))
            .OrderBy(g => higher ? -g.Mean : g.Mean)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (common.Key is null)
        {
            return (TrialConfig.Default, 1);
        }

        var config = int.Parse(common.Key[1..common.Key.IndexOf('-', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        return (new ConfigSequence(settings.Space, configSeed, options)[config] ?? TrialConfig.Default, common.ResourceFraction);
    }

    private static TuningResult Search(TuningSettings settings, List<(FoldSplit Split, TunedSplit Result)> tuned) => new()
    {
        Budget = settings.Budget.ToString(),
        BudgetSeconds = settings.Budget.Seconds,
        BudgetTrials = settings.Budget.Trials,
        Strategy = settings.Strategy == TuningStrategy.SuccessiveHalving && settings.ResourceOption is not null ? "successive_halving" : "random",
        Inner = settings.InnerFolds is { } folds ? $"{folds}-fold" : string.Create(CultureInfo.InvariantCulture, $"holdout {settings.InnerTestFraction}"),
        EnsembleSize = settings.EnsembleSize,
        Selection = settings.Selection == TuningSelection.Best ? "best" : "one_se",
        Space = [.. settings.Space.Dimensions.Select(d => $"{d.Name}: {d.Distribution}")],
        ParallelTrials = settings.ParallelTrials,
        Splits = [.. tuned.Select(t => t.Result.Result)],
    };

    private ModelEvaluation Variant(
        ModelSpec model, ITrainerPlugin plugin, string variant, IReadOnlyDictionary<string, object?> options, List<(FoldSplit Split, TunedSplit Result)> tuned,
        Func<TunedSplit, ScoredRows> rows, Func<TunedSplit, double> seconds, (ITransformer Model, MLContext Context)? final, double finalSeconds, TuningResult? search)
    {
        var name = RowName(model.Name, variant);
        var folds = tuned.Select(t => new FoldResult
        {
            Repeat = t.Split.Repeat,
            Fold = t.Split.Fold,
            TrainRows = t.Split.Train.Length,
            TestRows = t.Split.Test.Length,
            FitSeconds = seconds(t.Result),
            PredictSeconds = 0,
            Metrics = rows(t.Result).Metrics(data.Label, t.Split.Test),
        }).ToList();
        var result = new ModelResult
        {
            Name = name,
            Trainer = model.Trainer,
            Family = plugin.Family,
            Variant = variant,
            Base = model.Name,
            Tuning = search,
            Metrics = folds[0].Metrics.Keys.ToDictionary(m => m, m => MetricSummary.Of([.. folds.Select(f => f.Metrics[m])]), StringComparer.Ordinal),
            FitSeconds = TimingSummary.Of([.. folds.Select(f => f.FitSeconds)]),
            PredictRowsPerSecond = 0,
            Options = options,
            Folds = folds,
            FinalFitSeconds = finalSeconds,
            ModelFile = final is null ? null : $"models/{FileName(name)}.zip",
            PredictionsFile = $"predictions/{FileName(name)}.csv",
        };
        return new ModelEvaluation(result, [.. tuned.Select(t => (t.Split, rows(t.Result)))], final?.Model, final?.Context);
    }

    private sealed class Progress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
