namespace MLPipelines.Core.Tuning;

/// <summary>How a search picks its evaluations (spec key <c>tuning.strategy</c>).</summary>
public enum TuningStrategy
{
    /// <summary>The defaults, then independent draws, each with the full resource.</summary>
    Random,

    /// <summary>Brackets that train many draws briefly and give the best more epochs or boosting rounds.</summary>
    SuccessiveHalving,
}
