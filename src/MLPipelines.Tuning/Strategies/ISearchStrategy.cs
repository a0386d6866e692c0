namespace MLPipelines.Tuning.Strategies;

/// <summary>
/// Decides which evaluations a search makes, from the results it has seen (never from timing, so a search with a
/// trial budget makes the same evaluations however many run at once). Not thread-safe: one driver calls it. The
/// wall-clock budget is the driver's business: it stops asking when time is up.
/// </summary>
public interface ISearchStrategy
{
    /// <summary>The next evaluation to start, or wait / done.</summary>
    SearchStep Next();

    /// <summary>
    /// The inner validation score of a started evaluation (NaN when it failed; a failed configuration is never
    /// promoted). Scores are compared with <see cref="HigherIsBetter"/>.
    /// </summary>
    void Report(TrialRequest request, double score);

    /// <summary>Direction of the scores reported.</summary>
    bool HigherIsBetter { get; }
}
