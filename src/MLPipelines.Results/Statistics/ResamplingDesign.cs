
namespace MLPipelines.Results.Statistics;

/// <summary>
/// How the fold scores were produced: how many train/test runs there are and the ratio of test to training
/// rows in each. The ratio n_test / n_train is the Nadeau–Bengio correction term: it inflates the variance of
/// a mean over resampled runs because their training sets overlap and the runs are not independent.
/// </summary>
/// <param name="Runs">Number of train/test runs n (k × repeats for k-fold, repeats for holdout).</param>
/// <param name="TestTrainRatio">n_test / n_train of one run: 1/(k − 1) for k-fold, f/(1 − f) for a holdout fraction f.</param>
/// <param name="Description">Human-readable design, e.g. "5-fold x 2".</param>
public sealed record ResamplingDesign(int Runs, double TestTrainRatio, string Description)
{
    /// <summary>Repeated k-fold cross-validation: n = k × repeats, n_test/n_train = 1/(k − 1).</summary>
    public static ResamplingDesign KFold(int folds, int repeats = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        string description = repeats == 1 ? $"{folds}-fold" : $"{folds}-fold x {repeats}";
        return new ResamplingDesign(folds * repeats, 1.0 / (folds - 1), description);
    }

    /// <summary>Repeated random holdout with test fraction f: n = repeats, n_test/n_train = f/(1 − f).</summary>
    public static ResamplingDesign Holdout(double testFraction, int repeats = 1)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The holdout test fraction must be in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        return new ResamplingDesign(repeats, testFraction / (1 - testFraction), $"holdout {testFraction:0.###} x {repeats}");
    }

    /// <summary>
    /// From measured split sizes, as Weka does: the ratio is Σ test rows / Σ training rows over all runs
    /// (stratified folds are not exactly equal, so this is the most faithful ratio when the sizes are known).
    /// </summary>
    public static ResamplingDesign FromSplitSizes(IReadOnlyList<int> trainRows, IReadOnlyList<int> testRows)
    {
        ArgumentNullException.ThrowIfNull(trainRows);
        ArgumentNullException.ThrowIfNull(testRows);
        if (trainRows.Count != testRows.Count || trainRows.Count == 0)
        {
            throw new ArgumentException($"Need one train and one test size per run, got {trainRows.Count} and {testRows.Count}.", nameof(testRows));
        }

        double train = trainRows.Sum(r => (double)r);
        double test = testRows.Sum(r => (double)r);
        if (!(train > 0) || !(test > 0))
        {
            throw new ArgumentException("Split sizes must be positive.", nameof(trainRows));
        }

        return new ResamplingDesign(trainRows.Count, test / train, $"{trainRows.Count} runs, test/train {test / train:0.####}");
    }

    /// <summary>The design of a run's <c>evaluation</c> block (results.json).</summary>
    public static ResamplingDesign From(EvaluationResult evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Method == "holdout"
            ? Holdout(evaluation.TestFraction ?? 0.2, evaluation.Repeats)
            : KFold(evaluation.Folds, evaluation.Repeats);
    }
}
