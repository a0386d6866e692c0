namespace MLPipelines.Core.Runs;

/// <summary>What a run is doing, reported to the CLI's progress display.</summary>
public sealed record RunEvent(RunEventKind Kind, string Message)
{
    /// <summary>Model the event is about (null for run-level events).</summary>
    public string? Model { get; init; }

    /// <summary>1-based split being trained (0 for the final fit).</summary>
    public int Split { get; init; }

    /// <summary>Number of splits per model.</summary>
    public int Splits { get; init; }

    /// <summary>The split's (or model's mean) primary metric, when finished.</summary>
    public double? Value { get; init; }

    /// <summary>Name of the metric in <see cref="Value"/> (the run's primary metric).</summary>
    public string? Metric { get; init; }
}

/// <summary>Kinds of <see cref="RunEvent"/>.</summary>
public enum RunEventKind
{
    DataLoaded,
    Warning,
    ModelStarted,
    SplitStarted,
    SplitFinished,
    FinalFitStarted,
    ModelFinished,
    Writing,
}
