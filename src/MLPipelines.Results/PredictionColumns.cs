namespace MLPipelines.Results;

/// <summary>
/// The columns of <c>predictions/MODEL.csv</c> (out-of-fold predictions: one line per test row of every split,
/// in split order; comma-separated, RFC 4180 quoting, invariant-culture numbers in round-trip form):
/// <list type="table">
/// <item><term><c>row</c></term><description>1-based data row of the file (tabular, pixel CSV), or 1-based image number within its set (IDX, folders; test-set images count from 1 in the test set).</description></item>
/// <item><term><c>source</c></term><description>Images only: where the image came from (file path, or file and index).</description></item>
/// <item><term><c>repeat</c>, <c>fold</c></term><description>0-based split that scored the row (<c>test_set</c>: 0, 0).</description></item>
/// <item><term><c>actual</c>, <c>predicted</c></term><description>True and predicted label in the file's terms (class name; regression: the value on the file's scale, <c>exp</c> of the model's output with a log label).</description></item>
/// <item><term><c>probability</c></term><description>Binary: P(positive class), the class in <c>dataset.positive_class</c> (for ROC, precision-recall and calibration).</description></item>
/// <item><term><c>score</c></term><description>Binary: the raw margin before calibration; regression: the model's output on its own scale (the log with a log label; metrics are computed on it).</description></item>
/// <item><term><c>probability_CLASS</c></term><description>Multiclass: one column per class, in <c>dataset.classes</c> order, summing to 1.</description></item>
/// </list>
/// Binary: <c>row,[source,]repeat,fold,actual,predicted,probability,score</c>; multiclass:
/// <c>row,[source,]repeat,fold,actual,predicted,probability_A,probability_B,...</c>; regression:
/// <c>row,repeat,fold,actual,predicted,score</c>.
/// </summary>
public static class PredictionColumns
{
    public const string Row = "row";

    public const string Source = "source";

    public const string Repeat = "repeat";

    public const string Fold = "fold";

    public const string Actual = "actual";

    public const string Predicted = "predicted";

    /// <summary>Binary: P(positive class).</summary>
    public const string Probability = "probability";

    /// <summary>Binary margin or regression model-scale output.</summary>
    public const string Score = "score";

    /// <summary>Prefix of the multiclass per-class probability columns: <c>probability_</c> + class name.</summary>
    public const string ClassProbabilityPrefix = "probability_";

    /// <summary>The column of class <paramref name="className"/>'s probability (multiclass).</summary>
    public static string ClassProbability(string className) => ClassProbabilityPrefix + className;
}
