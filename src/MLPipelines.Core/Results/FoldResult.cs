namespace MLPipelines.Core.Results;

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

/// <summary>Serialized <see cref="Trainers.TrainingLog"/>.</summary>
public sealed record TrainingLogResult
{
    public IReadOnlyList<Trainers.EpochRecord> Epochs { get; init; } = [];

    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The log's content, or null when the trainer recorded nothing.</summary>
    public static TrainingLogResult? From(Trainers.TrainingLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Epochs.Count == 0 && log.Values.Count == 0 && log.Notes.Count == 0)
        {
            return null;
        }

        return new TrainingLogResult
        {
            Epochs = [.. log.Epochs],
            Values = new Dictionary<string, double>(log.Values, StringComparer.Ordinal),
            Notes = [.. log.Notes],
        };
    }
}
