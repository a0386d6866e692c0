namespace MLPipelines.Tuning.Search;

/// <summary>
/// The configurations a search draws, in order: index 0 is the model's own configuration, then draws from the
/// space. Configuration i depends only on the seed and the draws before it (never on results or timing), so a
/// resumed or distributed search sees the same configurations. Draws that repeat an earlier configuration (or the
/// defaults) are skipped; a finite space ends once every configuration was seen.
/// </summary>
public sealed class ConfigSequence
{
    /// <summary>Tries per index before a space is treated as exhausted.</summary>
    private const int Attempts = 64;

    private readonly SearchSpace _space;
    private readonly long _seed;
    private readonly IReadOnlyDictionary<string, object?> _defaults;
    private readonly List<TrialConfig> _drawn = [TrialConfig.Default];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal) { TrialConfig.Default.Key };
    private bool _exhausted;

    /// <summary>Creates the sequence of <paramref name="space"/> seeded by <paramref name="seed"/>.</summary>
    /// <param name="defaults">The model's resolved options; a draw equal to them on every searched option is skipped.</param>
    public ConfigSequence(SearchSpace space, long seed, IReadOnlyDictionary<string, object?>? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        _space = space;
        _seed = seed;
        _defaults = defaults ?? new Dictionary<string, object?>();
        _exhausted = space.Dimensions.Count == 0;
    }

    /// <summary>Configuration <paramref name="index"/>, or null when the space has fewer distinct configurations.</summary>
    public TrialConfig? this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            while (_drawn.Count <= index && !_exhausted)
            {
                DrawNext();
            }

            return index < _drawn.Count ? _drawn[index] : null;
        }
    }

    private void DrawNext()
    {
        var index = _drawn.Count;
        if (_space.Cardinality is { } cardinality && _keys.Count > cardinality)
        {
            _exhausted = true;
            return;
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var random = TuningRandom.For(_seed, index, attempt);
            var config = _space.Sample(ref random);
            if (_keys.Add(config.Key) && !config.SameAs(_defaults))
            {
                _drawn.Add(config);
                return;
            }
        }

        _exhausted = true;
    }
}
