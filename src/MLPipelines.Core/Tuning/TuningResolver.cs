using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec;
using MLPipelines.Tuning.Budgets;

namespace MLPipelines.Core.Tuning;

/// <summary>Turns a model's <c>tune</c> (spec) into the engine's <see cref="TuningSettings"/> for its trainer and this machine.</summary>
internal static class TuningResolver
{
    public static TuningSettings Resolve(TuneSpec tune, ITrainerPlugin plugin, TaskKind task, int cores)
    {
        ArgumentNullException.ThrowIfNull(tune);
        ArgumentNullException.ThrowIfNull(plugin);
        var s = tune.Settings;
        var trials = s.BudgetSeconds is null && s.BudgetTrials is null ? TuningFormat.DefaultTrials : s.BudgetTrials;
        var (parallel, threads) = Parallel(s, plugin, Math.Max(1, cores));
        return new TuningSettings
        {
            Budget = new TuningBudget(s.BudgetSeconds, trials),
            InnerFolds = s.InnerMethod == "kfold" ? s.InnerFolds : null,
            InnerTestFraction = s.InnerTestFraction,
            Strategy = s.Strategy == "successive_halving" ? TuningStrategy.SuccessiveHalving : TuningStrategy.Random,
            EnsembleSize = s.EnsembleSize,
            Selection = s.Selection == "best" ? TuningSelection.Best : TuningSelection.OneStandardError,
            Space = ForTask(tune.Space ?? plugin.DefaultSearchSpace ?? throw new InvalidOperationException($"Trainer '{plugin.Name}' has no built-in search space."), plugin, task),
            ResourceOption = plugin.ResourceOption,
            ParallelTrials = parallel,
            ThreadsPerTrial = threads,
        };
    }

    /// <summary>The space without options that do not apply to <paramref name="task"/> (e.g. label smoothing in a regression).</summary>
    private static MLPipelines.Tuning.Search.SearchSpace ForTask(MLPipelines.Tuning.Search.SearchSpace space, ITrainerPlugin plugin, TaskKind task) =>
        new([.. space.Dimensions.Where(d => plugin.Options.FirstOrDefault(o => o.Name == d.Name) is not { Tasks.Count: > 0 } option || option.Tasks.Contains(task))]);

    /// <summary>
    /// Automatic: neural trainers (pure C#, small networks) run one trial per core with one thread each; the
    /// others one trial at a time with every core (LightGBM's native fits cannot run concurrently in one process).
    /// </summary>
    private static (int Trials, int? Threads) Parallel(TuningSpec s, ITrainerPlugin plugin, int cores)
    {
        var trials = s.ParallelTrials ?? (plugin.Family == "neural" ? cores : 1);
        var threads = s.Threads ?? (trials > 1 ? Math.Max(1, cores / trials) : null);
        return (trials, threads);
    }
}
