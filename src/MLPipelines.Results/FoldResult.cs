namespace MLPipelines.Results;

/// <summary>One training/test split of one model.</summary>
public sealed record FoldResult
{
    /// <summary>0-based repeat index.</summary>
    public required int Repeat { get; init; }

    /// <summary>0-based fold index within the repeat.</summary>
    public required int Fold { get; init; }

    public required int TrainRows { get; init; }

    public required int TestRows { get; init; }

    public required double FitSeconds { get; init; }

    public required double PredictSeconds { get; init; }

    /// <summary>Metric name to its value on this split's test rows.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>What the trainer recorded (learning curve, notes); null when it recorded nothing.</summary>
    public TrainingLogResult? TrainingLog { get; init; }
}

/// <summary>What a trainer recorded during one fit (its learning curve, named values and notes), as written in results.json.</summary>
public sealed record TrainingLogResult
{
    public IReadOnlyList<EpochRecord> Epochs { get; init; } = [];

    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<string> Notes { get; init; } = [];
}
