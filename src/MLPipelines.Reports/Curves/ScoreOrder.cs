namespace MLPipelines.Reports.Curves;

/// <summary>Row orders shared by the curve computations.</summary>
internal static class ScoreOrder
{
    /// <summary>Indices of the rows with a finite score, highest score first (stable for equal scores).</summary>
    public static int[] Descending(IReadOnlyList<bool> outcome, IReadOnlyList<double> score)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(score);
        if (outcome.Count != score.Count)
        {
            throw new ArgumentException($"{outcome.Count} outcomes but {score.Count} scores.", nameof(score));
        }

        return [.. Enumerable.Range(0, score.Count).Where(i => double.IsFinite(score[i])).OrderByDescending(i => score[i])];
    }
}
