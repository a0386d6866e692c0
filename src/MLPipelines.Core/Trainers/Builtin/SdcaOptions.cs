using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>The options of <c>trainer: sdca</c>; null values leave the choice to ML.NET.</summary>
public sealed class SdcaOptions
{
    [Search(SearchKind.LogUniform, 1e-6, 0.1, Source = "SDCA's loss is a mean over rows, so its L2 weight is 1 / (C n) in scikit-learn's terms; TabArena's linear model searches C in [0.1, 1000], which is [1e-7, 1e-2] for 1,000-100,000 rows; widened to 0.1 so small tables can regularize more.")]
    [Option("l2", "L2 regularization strength; null = chosen by ML.NET from the data size.", Min = 0, Scale = OptionScale.Log)]
    public double? L2 { get; set; }

    [Search(SearchKind.LogUniform, 1e-6, 0.1, Source = "On the same scale as l2 (TabArena searches L1 and L2 penalties).")]
    [Option("l1", "L1 regularization strength (soft threshold); null = chosen by ML.NET.", Min = 0, Scale = OptionScale.Log)]
    public double? L1 { get; set; }

    [Option("max_iterations", "Most passes over the data (ML.NET's automatic choice, null, can mean tens of seconds on a few hundred rows).", Min = 1, Max = 100_000, Scale = OptionScale.Log)]
    public int? MaxIterations { get; set; } = 100;

    [Option("convergence_tolerance", "Stop when the relative duality gap falls below this; null = ML.NET's default (0.1 for classification, 0.01 for regression).", Min = 0, MinExclusive = true, Max = 1, Scale = OptionScale.Log)]
    public double? ConvergenceTolerance { get; set; }

    [Option("threads", "Worker threads; more than 1 is faster but not reproducible; null = all cores.", Min = 1, Max = 1024)]
    public int? Threads { get; set; } = 1;
}
