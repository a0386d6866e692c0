using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>The options of <c>trainer: lbfgs</c>. Defaults are ML.NET's (l1 = l2 = 1, tolerance 1e-7, history 20).</summary>
public sealed class LbfgsOptions
{
    [Search(SearchKind.LogUniform, 1e-3, 10, Source = "L-BFGS sums its loss over rows, so its L2 weight is 1 / C in scikit-learn's terms: TabArena's C in [0.1, 1000] (default 1, ours 1). ML.NET AutoML searches [0.03, 32768], mostly heavy regularization.")]
    [Option("l2", "L2 regularization weight.", Min = 0, Scale = OptionScale.Log)]
    public double L2 { get; set; } = 1.0;

    [Search(SearchKind.LogUniform, 1e-3, 10, Source = "On the same scale as l2.")]
    [Option("l1", "L1 regularization weight.", Min = 0, Scale = OptionScale.Log)]
    public double L1 { get; set; } = 1.0;

    [Option("optimization_tolerance", "Stop when the relative loss improvement falls below this.", Min = 0, MinExclusive = true, Max = 1, Scale = OptionScale.Log)]
    public double OptimizationTolerance { get; set; } = 1e-7;

    [Option("history_size", "Past gradients kept to approximate the Hessian.", Min = 1, Max = 1000)]
    public int HistorySize { get; set; } = 20;

    [Option("max_iterations", "Most optimizer iterations; null = until converged.", Min = 1, Max = 10_000_000, Scale = OptionScale.Log)]
    public int? MaxIterations { get; set; }

    [Option("threads", "Worker threads for the gradient; null = all cores.", Min = 1, Max = 1024)]
    public int? Threads { get; set; }
}
