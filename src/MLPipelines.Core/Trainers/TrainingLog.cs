using MLPipelines.Results;

namespace MLPipelines.Core.Trainers;

/// <summary>Diagnostics a trainer records during one fit: the learning curve and named values (e.g. best epoch).</summary>
public sealed class TrainingLog
{
    /// <summary>Per-epoch history; empty for trainers without epochs.</summary>
    public List<EpochRecord> Epochs { get; } = [];

    /// <summary>Named scalar facts about the fit, e.g. <c>best_epoch</c>, <c>stopped_early</c> (1/0).</summary>
    public Dictionary<string, double> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Free-text notes worth showing the user (e.g. "early stopping at epoch 41").</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The log as written in results.json, or null when the trainer recorded nothing.</summary>
    public TrainingLogResult? ToResult()
    {
        if (Epochs.Count == 0 && Values.Count == 0 && Notes.Count == 0)
        {
            return null;
        }

        return new TrainingLogResult
        {
            Epochs = [.. Epochs],
            Values = new Dictionary<string, double>(Values, StringComparer.Ordinal),
            Notes = [.. Notes],
        };
    }
}
