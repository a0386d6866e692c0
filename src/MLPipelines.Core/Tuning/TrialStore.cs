using System.Globalization;
using System.Text.Json;
using MLPipelines.Core.Runs;
using MLPipelines.Results;
using MLPipelines.Tuning.Ensembles;
using MLPipelines.Tuning.Trials;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// The search of one model on one outer split, in the run folder (<c>tuning/MODEL/rR-fF/</c>): each finished trial
/// as <c>KEY.json</c> (its record) and <c>KEY.bin</c> (its predictions, written first), the finished search as
/// <c>split.json</c> + <c>variants.bin</c> (after which the trial predictions are deleted: they were scratch), and a
/// model-wide append-only <c>trial-log.jsonl</c> with one line per trial trained or reused by each attempt, which
/// proves that a resumed run trains no finished trial twice. Every file is written to a temporary name and renamed,
/// so a kill leaves whole files or none.
/// </summary>
internal sealed class TrialStore
{
    private readonly string _directory;
    private readonly string _log;
    private readonly string _attempt;
    private readonly string _split;

    public TrialStore(string modelDirectory, int repeat, int fold, string attempt)
    {
        _split = SplitUnit.SplitName(repeat, fold);
        _directory = Path.Combine(modelDirectory, _split);
        _log = Path.Combine(modelDirectory, "trial-log.jsonl");
        _attempt = attempt;
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The finished trials of an earlier attempt, by key (<c>c12-r0</c>).</summary>
    public Dictionary<string, StoredTrial> LoadTrials()
    {
        var trials = new Dictionary<string, StoredTrial>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(_directory, "c*.json"))
        {
            var key = Path.GetFileNameWithoutExtension(path);
            if (TrialJson.TryRead<TrialRecord>(path) is not { } record)
            {
                continue;
            }

            if (record.Status == TrialStatus.Failed)
            {
                trials[key] = new StoredTrial(record, null, null);
            }
            else if (PredictionFiles.TryRead(Path.Combine(_directory, key + ".bin")) is [var validation, var test])
            {
                trials[key] = new StoredTrial(record, validation, test);
            }
        }

        return trials;
    }

    /// <summary>Keeps a finished trial: predictions first, then the record that marks it finished.</summary>
    public void SaveTrial(string key, TrialRecord record, PredictionSet? validation, PredictionSet? test)
    {
        if (validation is not null && test is not null)
        {
            PredictionFiles.Write(Path.Combine(_directory, key + ".bin"), [validation, test]);
        }

        TrialJson.WriteAtomically(Path.Combine(_directory, key + ".json"), record);
    }

    /// <summary>Appends one line to the trial log: this attempt trained (or reused) trial <paramref name="key"/>.</summary>
    public void Log(string key, string action, double seconds)
    {
        var line = JsonSerializer.Serialize(
            new { attempt = _attempt, split = _split, trial = key, action, seconds = Math.Round(seconds, 3), utc = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
            TrialJson.Options);
        File.AppendAllText(_log, line + "\n");
    }

    /// <summary>The finished search of an earlier attempt, or null.</summary>
    public (TuningSplitResult Result, IReadOnlyList<PredictionSet> Variants)? LoadSplit()
    {
        var result = TrialJson.TryRead<TuningSplitResult>(Path.Combine(_directory, "split.json"));
        var variants = PredictionFiles.TryRead(Path.Combine(_directory, "variants.bin"));
        return result is not null && variants is { Count: 3 } ? (result, variants) : null;
    }

    /// <summary>Keeps the finished search (variants first, then <c>split.json</c>) and drops the trials' predictions.</summary>
    public void SaveSplit(TuningSplitResult result, IReadOnlyList<PredictionSet> variants)
    {
        PredictionFiles.Write(Path.Combine(_directory, "variants.bin"), variants);
        TrialJson.WriteAtomically(Path.Combine(_directory, "split.json"), result);
        foreach (var path in Directory.EnumerateFiles(_directory, "c*.bin"))
        {
            File.Delete(path);
        }
    }
}
