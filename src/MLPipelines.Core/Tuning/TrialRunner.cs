using System.Diagnostics;
using Microsoft.ML;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Tuning.Ensembles;
using MLPipelines.Tuning.Search;
using MLPipelines.Tuning.Strategies;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// Trains one configuration on every prepared inner split: a pure function of (prepared splits, options,
/// configuration, resource, seeds). Each inner fit gets the same seed for every configuration (paired, like the
/// outer splits across models); its validation rows give the out-of-fold predictions and its outer-test
/// predictions are averaged over the inner models (k-fold: a bag of k models scores the outer test fold, no refit).
/// </summary>
internal sealed class TrialRunner
{
    private readonly ITrainerPlugin _plugin;
    private readonly LabelInfo _label;
    private readonly IReadOnlyList<PreparedSplit> _splits;
    private readonly IReadOnlyDictionary<string, object?> _options;
    private readonly TuningSettings _settings;
    private readonly int _seed;
    private readonly int _testRows;
    private readonly int[][] _positions;

    public TrialRunner(ITrainerPlugin plugin, LabelInfo label, IReadOnlyList<PreparedSplit> splits, IReadOnlyDictionary<string, object?> options, TuningSettings settings, int seed)
    {
        _plugin = plugin;
        _label = label;
        _splits = splits;
        _options = options;
        _settings = settings;
        _seed = seed;
        ValidationRows = [.. splits.SelectMany(s => s.Inner.Test).Order()];
        _positions = [.. splits.Select(s => s.Inner.Test.Select(r => Array.BinarySearch(ValidationRows, r)).ToArray())];
        ValidationGroups = new int[ValidationRows.Length];
        for (var i = 0; i < _positions.Length; i++)
        {
            foreach (var p in _positions[i])
            {
                // One inner split (a holdout): alternate positions make two groups, so a choice can still be cross-fitted.
                ValidationGroups[p] = _positions.Length > 1 ? i : p % 2;
            }
        }
        _testRows = (int)(splits[0].OuterTest.GetRowCount() ?? throw new InvalidOperationException("The outer test view has no row count."));
    }

    /// <summary>Dataset rows the out-of-fold predictions are for, sorted (every outer training row for k-fold).</summary>
    public int[] ValidationRows { get; }

    /// <summary>The inner fold of each validation position (for a holdout, two alternating halves).</summary>
    public int[] ValidationGroups { get; }

    /// <summary>Threads a trial predicts with: its share of the cores.</summary>
    private int PredictThreads => _settings.ThreadsPerTrial ?? Math.Max(1, Environment.ProcessorCount / Math.Max(1, _settings.ParallelTrials));

    /// <summary>Seed of inner fit <paramref name="inner"/>: the same for every configuration.</summary>
    public static int InnerSeed(int outerSeed, int inner) =>
        (int)(TuningRandom.For(outerSeed, 0x1A2B, inner).NextBits() & int.MaxValue);

    /// <summary>The options one trial trains with: the model's, the configuration's values, the resource share and the thread count.</summary>
    public Dictionary<string, object?> OptionsFor(TrialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = OptionsFor(request.Values, request.ResourceFraction, _options, _settings.ResourceOption);
        if (_settings.ThreadsPerTrial is { } threads && _plugin.Options.Any(o => o.Name == "threads") && options.GetValueOrDefault("threads") is null)
        {
            options["threads"] = (long)threads;
        }

        return options;
    }

    /// <summary>
    /// <paramref name="options"/> with <paramref name="values"/> written over them and, below the full resource,
    /// the resource option scaled by <paramref name="fraction"/> (at least 1).
    /// </summary>
    public static Dictionary<string, object?> OptionsFor(TrialConfig values, double fraction, IReadOnlyDictionary<string, object?> options, string? resourceOption)
    {
        ArgumentNullException.ThrowIfNull(values);
        var merged = values.ApplyTo(options);
        if (resourceOption is not null && fraction < 1 && merged.GetValueOrDefault(resourceOption) is long full)
        {
            merged[resourceOption] = (long)Math.Clamp(Math.Round(full * fraction, MidpointRounding.AwayFromZero), 1, int.MaxValue);
        }

        return merged;
    }

    /// <summary>Runs the trial. A failing fit makes a failed outcome, except for the defaults (config 0), whose failure is the model's.</summary>
    public TrialOutcome Run(TrialRequest request, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var fitSeconds = 0.0;
        try
        {
            var options = OptionsFor(request);
            var width = _label.Task == TaskKind.Multiclass ? _label.ClassCount : 1;
            var validation = new float[ValidationRows.Length * width];
            var testSum = new double[_testRows * width];
            for (var i = 0; i < _splits.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                var (model, seconds) = Fit(_splits[i], options, InnerSeed(_seed, i), cancellation);
                fitSeconds += seconds;
                Scatter(PredictionReader.Predict(model, _splits[i].Validation, _label.Task, _label.ClassCount, PredictThreads), _positions[i], validation, width);
                var test = PredictionReader.Predict(model, _splits[i].OuterTest, _label.Task, _label.ClassCount, PredictThreads).Values;
                for (var v = 0; v < test.Length; v++)
                {
                    testSum[v] += test[v];
                }
            }

            return new TrialOutcome
            {
                Validation = new PredictionSet(validation, width),
                Test = new PredictionSet([.. testSum.Select(v => (float)(v / _splits.Count))], width),
                FitSeconds = fitSeconds,
                Seconds = clock.Elapsed.TotalSeconds,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException && !cancellation.IsCancellationRequested && !request.Values.IsDefault)
        {
            return new TrialOutcome { FitSeconds = fitSeconds, Seconds = clock.Elapsed.TotalSeconds, Error = $"{e.GetType().Name}: {e.Message}" };
        }
    }

    private (ITransformer Model, double Seconds) Fit(PreparedSplit split, Dictionary<string, object?> options, int seed, CancellationToken cancellation)
    {
        var ml = ScratchFiles.Context(seed);
        var context = new TrainerContext
        {
            MLContext = ml,
            Task = _label.Task,
            LabelColumn = TabularDataset.LabelColumn,
            FeatureColumn = Preprocessing.FeaturePipelineBuilder.FeatureColumn,
            ClassCount = _label.ClassCount,
            Seed = seed,
            Image = split.Image,
            FeaturesNormalized = split.Normalized,
            Log = new TrainingLog(),
            Cancellation = cancellation,
        };
        var estimator = _plugin.CreateEstimator(context, options);
        var clock = Stopwatch.StartNew();
        try
        {
            using (MlContextCancellation.Register(ml, cancellation))
            {
                var model = estimator.Fit(split.Train);
                return (model, clock.Elapsed.TotalSeconds);
            }
        }
        catch (Exception) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException("The run was cancelled while a trial was training.", cancellation);
        }
    }

    private static void Scatter(PredictionSet part, int[] positions, float[] target, int width)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            Array.Copy(part.Values, i * width, target, positions[i] * width, width);
        }
    }
}
