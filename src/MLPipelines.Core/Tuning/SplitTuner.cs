using System.Diagnostics;
using System.Globalization;
using MLPipelines.Core.Evaluation;
using MLPipelines.Core.Runs;
using MLPipelines.Results;
using MLPipelines.Tuning.Budgets;
using MLPipelines.Tuning.Ensembles;
using MLPipelines.Tuning.Search;
using MLPipelines.Tuning.Strategies;
using MLPipelines.Tuning.Trials;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// The nested search of one model on one outer split (TabArena's protocol): inner splits of the outer training
/// rows, features prepared once per inner split, the defaults plus configurations from the strategy trained as
/// trials (several at once when allowed) until the budget is spent, then three variants scored on the outer test
/// rows without refitting: the defaults' bag (<c>default</c>), the best configuration by inner score
/// (<c>tuned</c>), and greedy ensemble selection over every trial's out-of-fold predictions (<c>ensembled</c>).
/// Nothing the search decides sees an outer test row: those rows only pass through fitted models. Each finished
/// trial is stored at once; a resumed search reuses stored trials (and a stored finished split) instead of training.
/// </summary>
internal sealed class SplitTuner
{
    private readonly IEvaluationData _data;
    private readonly FeaturePreparer _preparer;
    private readonly Trainers.ITrainerPlugin _plugin;
    private readonly IReadOnlyDictionary<string, object?> _options;
    private readonly TuningSettings _settings;
    private readonly InnerScorer _scorer;
    private readonly bool _higherIsBetter;
    private readonly ConfigSequence _configs;
    private readonly bool _stratify;

    public SplitTuner(
        IEvaluationData data, FeaturePreparer preparer, Trainers.ITrainerPlugin plugin, IReadOnlyDictionary<string, object?> options,
        TuningSettings settings, InnerScorer scorer, bool higherIsBetter, long configSeed, bool stratify)
    {
        _data = data;
        _preparer = preparer;
        _plugin = plugin;
        _options = options;
        _settings = settings;
        _scorer = scorer;
        _higherIsBetter = higherIsBetter;
        _stratify = stratify;
        _configs = new ConfigSequence(settings.Space, configSeed, options);
    }

    /// <summary>Searches on <paramref name="outer"/> (or returns the stored result of a finished earlier attempt).</summary>
    public TunedSplit Run(FoldSplit outer, int outerSeed, TrialStore store, IProgress<string>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(store);
        if (store.LoadSplit() is { } finished)
        {
            return new TunedSplit(finished.Result, _scorer.Rows(finished.Variants[0]), _scorer.Rows(finished.Variants[1]), _scorer.Rows(finished.Variants[2]));
        }

        var stored = store.LoadTrials();
        var clock = new BudgetClock(_settings.Budget, stored.Count == 0 ? 0 : stored.Values.Max(t => t.Record.FinishedAt));
        var wall = Stopwatch.StartNew();
        var inner = InnerSplitPlanner.Plan(outer.Train, _data.Label, _settings, _stratify, outerSeed);
        var prepared = inner.Select((s, i) => _preparer.Prepare(s, outer.Test, TrialRunner.InnerSeed(outerSeed, i))).ToList();
        var runner = new TrialRunner(_plugin, _data.Label, prepared, _options, _settings, outerSeed);
        var search = new Search(this, runner, store, stored, clock, progress);
        search.Run(cancellation);
        return Finish(outer, runner, search, prepared.Sum(p => p.Seconds), wall, store);
    }

    private ISearchStrategy Strategy() => _settings.Strategy == TuningStrategy.SuccessiveHalving && _settings.ResourceOption is not null
        ? new SuccessiveHalving(_configs, _settings.Budget.Trials, _higherIsBetter)
        : new RandomSearch(_configs, _settings.Budget.Trials, _higherIsBetter);

    private TunedSplit Finish(FoldSplit outer, TrialRunner runner, Search search, double prepareSeconds, Stopwatch wall, TrialStore store)
    {
        var finished = search.Finished.Where(t => t.Validation is not null).OrderBy(t => t.Record.Config).ThenBy(t => t.Record.Rung).ToList();
        var defaults = finished.FirstOrDefault(t => t.Record.Config == 0)
            ?? throw new InvalidOperationException("The defaults' trial did not finish.");
        var best = finished.First(t => ReferenceEquals(t.Record, AnytimeCurve.Best(finished.Select(f => f.Record), _higherIsBetter)));
        var library = finished.OrderBy(t => _higherIsBetter ? -t.Record.InnerScore : t.Record.InnerScore).ThenBy(t => t.Record.Config).ToList();
        var ensemble = EnsembleSelection.Select(
            [.. library.Select(t => t.Validation!)], p => _scorer.Score(p, runner.ValidationRows), _higherIsBetter, _settings.EnsembleSize);
        var rule = _settings.Selection == TuningSelection.OneStandardError
            ? new OneStandardErrorRule(_scorer, _data.Label, _higherIsBetter, _settings.EnsembleSize).Decide(
                [.. library.Select(t => t.Validation!)], library.IndexOf(defaults), library.IndexOf(best), Key(best.Record), runner.ValidationRows, runner.ValidationGroups)
            : null;
        if (rule is { TunedAccepted: false })
        {
            best = defaults;
        }

        if (rule is { EnsembleAccepted: false })
        {
            // The ensemble did not clear one standard error: the ensembled variant is the tuned one, alone.
            var index = library.IndexOf(best);
            ensemble = new EnsembleResult([index], [1.0], best.Record.InnerScore, ensemble.Trajectory) { Rounds = 1 };
        }

        var blended = PredictionSet.Blend([.. ensemble.Members.Select(m => library[m].Test!)], ensemble.Weights);
        var variants = new[] { defaults.Test!, best.Test!, blended };
        var rows = variants.Select(_scorer.Rows).ToArray();
        var outerScores = rows.Select(r => r.Metrics(_data.Label, outer.Test)[_scorer.Metric]).ToArray();
        var result = new TuningSplitResult
        {
            Repeat = outer.Repeat,
            Fold = outer.Fold,
            Seconds = search.SpentBefore + wall.Elapsed.TotalSeconds,
            PrepareSeconds = prepareSeconds,
            FitSeconds = search.Finished.Sum(t => t.Record.FitSeconds),
            Trials = search.Finished.Count,
            FailedTrials = search.Finished.Count(t => t.Record.Status == TrialStatus.Failed),
            DefaultInnerScore = defaults.Record.InnerScore,
            TunedInnerScore = best.Record.InnerScore,
            EnsembledInnerScore = ensemble.Score,
            DefaultOuterScore = outerScores[0],
            TunedOuterScore = outerScores[1],
            EnsembledOuterScore = outerScores[2],
            Chosen = Key(best.Record),
            ChosenValues = best.Record.Values,
            Ensemble = [.. ensemble.Members.Select((m, i) => new EnsembleMemberResult(Key(library[m].Record), ensemble.Weights[i], library[m].Record.InnerScore, library[m].Record.Values))],
            Selection = rule is null ? "best" : "one_se",
            Decisions = rule?.Decisions ?? [],
            TrialLog = [.. search.Finished.Select(t => t.Record).OrderBy(r => r.FinishedAt).ThenBy(r => r.Trial).Select(ToResult)],
        };
        store.SaveSplit(result, variants);
        return new TunedSplit(result, rows[0], rows[1], rows[2]);
    }

    private static string Key(TrialRecord record) => $"c{record.Config}-r{record.Rung}";

    private static TuningTrialResult ToResult(TrialRecord record) => new()
    {
        Key = Key(record),
        Trial = record.Trial,
        Rung = record.Rung,
        ResourceFraction = record.ResourceFraction,
        InnerScore = record.InnerScore,
        Seconds = record.Seconds,
        FitSeconds = record.FitSeconds,
        FinishedAt = record.FinishedAt,
        Error = record.Error,
    };

    /// <summary>
    /// The trial loop: asks the strategy for work, reuses stored trials, keeps up to <c>ParallelTrials</c> trials
    /// training, reports each result to the strategy in the order they finish, and stops starting new ones once the
    /// budget clock is up (the defaults always run; stored trials are still reused after that, since they cost nothing).
    /// </summary>
    private sealed class Search(SplitTuner owner, TrialRunner runner, TrialStore store, Dictionary<string, StoredTrial> stored, BudgetClock clock, IProgress<string>? progress)
    {
        private readonly ISearchStrategy _strategy = owner.Strategy();
        private readonly Dictionary<Task<TrialOutcome>, TrialRequest> _running = [];

        public List<StoredTrial> Finished { get; } = [];

        public double SpentBefore => clock.SpentBefore;

        public void Run(CancellationToken cancellation)
        {
            try
            {
                Loop(cancellation);
            }
            finally
            {
                // Never leave a trial training behind (it could write into the store after a new attempt starts).
                try
                {
                    Task.WaitAll([.. _running.Keys]);
                }
                catch (AggregateException)
                {
                    // Their failure is the cancellation or the error already being thrown.
                }
            }
        }

        private void Loop(CancellationToken cancellation)
        {
            var startingStopped = false;
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                if (!startingStopped && _running.Count < owner._settings.ParallelTrials)
                {
                    var step = _strategy.Next();
                    if (step.Kind == SearchStepKind.Start)
                    {
                        var request = step.Request!;
                        if (stored.TryGetValue(request.Key, out var reused))
                        {
                            Complete(request, reused.Record with { Trial = request.Trial }, reused.Validation, reused.Test, "reused");
                        }
                        else if (clock.TimeIsUp && !request.Values.IsDefault)
                        {
                            startingStopped = true;
                        }
                        else
                        {
                            _running[Task.Run(() => runner.Run(request, cancellation), cancellation)] = request;
                        }

                        continue;
                    }

                    startingStopped = step.Kind == SearchStepKind.Done;
                }

                if (_running.Count == 0)
                {
                    return;
                }

                var done = Task.WhenAny(_running.Keys).GetAwaiter().GetResult();
                var finishedRequest = _running[done];
                _running.Remove(done);
                var outcome = done.GetAwaiter().GetResult();
                Complete(finishedRequest, Record(finishedRequest, outcome), outcome.Validation, outcome.Test, "trained");
            }
        }

        private TrialRecord Record(TrialRequest request, TrialOutcome outcome) => new()
        {
            Trial = request.Trial,
            Config = request.Config,
            Rung = request.Rung,
            ResourceFraction = request.ResourceFraction,
            Values = request.Values.Values.ToDictionary(v => v.Key, v => SearchValues.Display(v.Value), StringComparer.Ordinal),
            InnerScore = outcome.Validation is { } validation ? owner._scorer.Score(validation, runner.ValidationRows) : double.NaN,
            Status = outcome.Failed ? TrialStatus.Failed : TrialStatus.Finished,
            Error = outcome.Error,
            Seconds = outcome.Seconds,
            FitSeconds = outcome.FitSeconds,
            FinishedAt = clock.Elapsed,
        };

        private void Complete(TrialRequest request, TrialRecord record, PredictionSet? validation, PredictionSet? test, string action)
        {
            if (action == "trained")
            {
                store.SaveTrial(request.Key, record, validation, test);
            }

            store.Log(request.Key, action, record.Seconds);
            _strategy.Report(request, record.InnerScore);
            Finished.Add(new StoredTrial(record, validation, test));
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{request.Key} {owner._scorer.Metric} {record.InnerScore:0.####} ({record.Seconds:0.0} s)"));
        }
    }
}
