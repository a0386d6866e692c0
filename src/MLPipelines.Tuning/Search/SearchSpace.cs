namespace MLPipelines.Tuning.Search;

/// <summary>
/// The options a search varies, each with its distribution, in a fixed order (the order values are drawn in, so
/// a seed gives the same configurations every time). Options not in the space keep the model's own values.
/// </summary>
public sealed class SearchSpace
{
    private readonly SearchDimension[] _dimensions;

    /// <summary>Creates a space; names must be distinct.</summary>
    /// <exception cref="ArgumentException">A name appears twice or is empty.</exception>
    public SearchSpace(IEnumerable<SearchDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        _dimensions = [.. dimensions];
        var duplicate = _dimensions.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1 || g.Key.Length == 0);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                duplicate.Key.Length == 0 ? "A searched option needs a name." : $"The option '{duplicate.Key}' is searched twice.",
                nameof(dimensions));
        }
    }

    /// <summary>The empty space: only the model's own configuration.</summary>
    public static SearchSpace Empty { get; } = new([]);

    /// <summary>The searched options in drawing order.</summary>
    public IReadOnlyList<SearchDimension> Dimensions => _dimensions;

    /// <summary>
    /// Number of distinct configurations when every dimension is a choice (null when any is continuous or the
    /// count passes <see cref="int.MaxValue"/>): a random search stops drawing once it has seen them all.
    /// </summary>
    public int? Cardinality
    {
        get
        {
            long count = 1;
            foreach (var dimension in _dimensions)
            {
                if (dimension.Distribution.Choices is not { } choices)
                {
                    return null;
                }

                count *= choices.Count;
                if (count > int.MaxValue)
                {
                    return null;
                }
            }

            return (int)count;
        }
    }

    /// <summary>
    /// This space with <paramref name="overrides"/> applied: a dimension of the same name is replaced in place,
    /// new names are appended (how a model's <c>tune.space</c> refines a trainer's built-in space).
    /// </summary>
    public SearchSpace With(SearchSpace overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var byName = overrides._dimensions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var merged = _dimensions.Select(d => byName.Remove(d.Name, out var replacement) ? replacement : d).ToList();
        merged.AddRange(overrides._dimensions.Where(d => byName.ContainsKey(d.Name)));
        return new SearchSpace(merged);
    }

    /// <summary>Draws one configuration: a value for every dimension, in order, from <paramref name="random"/>.</summary>
    public TrialConfig Sample(ref TuningRandom random)
    {
        var values = new List<KeyValuePair<string, object?>>(_dimensions.Length);
        foreach (var dimension in _dimensions)
        {
            values.Add(new(dimension.Name, dimension.Distribution.Sample(ref random)));
        }

        return new TrialConfig(values);
    }
}
