using MLPipelines.Tuning.Search;

namespace MLPipelines.Tuning.Strategies;

/// <summary>
/// Random search (Bergstra and Bengio 2012): the model's own configuration first, then independent draws from
/// the space, each trained with its full resource, until <see cref="MaxTrials"/> or the space runs out.
/// </summary>
public sealed class RandomSearch : ISearchStrategy
{
    private readonly ConfigSequence _configs;
    private int _started;

    /// <summary>Creates the search.</summary>
    /// <param name="configs">The configurations to draw, in order.</param>
    /// <param name="maxTrials">Most evaluations (including the default configuration); null = until the driver stops.</param>
    /// <param name="higherIsBetter">Direction of the inner score.</param>
    public RandomSearch(ConfigSequence configs, int? maxTrials, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(configs);
        if (maxTrials is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTrials), maxTrials, "A search needs at least one trial.");
        }

        _configs = configs;
        MaxTrials = maxTrials;
        HigherIsBetter = higherIsBetter;
    }

    /// <summary>Most evaluations; null = no limit.</summary>
    public int? MaxTrials { get; }

    /// <inheritdoc />
    public bool HigherIsBetter { get; }

    /// <inheritdoc />
    public SearchStep Next()
    {
        if (_started >= MaxTrials || _configs[_started] is not { } config)
        {
            return SearchStep.Done;
        }

        var request = new TrialRequest(_started, _started, config, Rung: 0, ResourceFraction: 1);
        _started++;
        return SearchStep.Start(request);
    }

    /// <inheritdoc />
    public void Report(TrialRequest request, double score) => ArgumentNullException.ThrowIfNull(request);
}
