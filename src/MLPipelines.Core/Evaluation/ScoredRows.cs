using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Tuning.Ensembles;

namespace MLPipelines.Core.Evaluation;

/// <summary>
/// The prediction columns of a scored view read into arrays, row for row: binary <c>Score</c>,
/// <c>Probability</c>, <c>PredictedLabel</c>; multiclass <c>Score</c> (class probabilities) and
/// <c>PredictedLabel</c> (0-based here); regression <c>Score</c> (model scale) and <c>Prediction</c> (file scale).
/// </summary>
public sealed class ScoredRows
{
    private ScoredRows(TaskKind task, int count)
    {
        Task = task;
        Score = new float[count];
        Probability = new float[count];
        PredictedPositive = new bool[count];
        PredictedClass = new int[count];
        ClassProbabilities = new float[count][];
        Prediction = new float[count];
    }

    /// <summary>Rebuilds scored rows from their stored arrays (a reused split of a resumed run).</summary>
    internal static ScoredRows Restore(
        TaskKind task, float[] score, float[] probability, bool[] predictedPositive, int[] predictedClass, float[][] classProbabilities, float[] prediction)
    {
        return new ScoredRows(task, score, probability, predictedPositive, predictedClass, classProbabilities, prediction);
    }

    private ScoredRows(
        TaskKind task, float[] score, float[] probability, bool[] predictedPositive, int[] predictedClass, float[][] classProbabilities, float[] prediction)
    {
        Task = task;
        Score = score;
        Probability = probability;
        PredictedPositive = predictedPositive;
        PredictedClass = predictedClass;
        ClassProbabilities = classProbabilities;
        Prediction = prediction;
    }

    /// <summary>Rows <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1 (copies).</summary>
    internal ScoredRows Slice(int start, int count) => new(
        Task, Score[start..(start + count)], Probability[start..(start + count)], PredictedPositive[start..(start + count)],
        PredictedClass[start..(start + count)], ClassProbabilities[start..(start + count)], Prediction[start..(start + count)]);

    public TaskKind Task { get; }

    public float[] Score { get; }

    public float[] Probability { get; }

    public bool[] PredictedPositive { get; }

    public int[] PredictedClass { get; }

    public float[][] ClassProbabilities { get; }

    /// <summary>Regression prediction on the file's scale.</summary>
    public float[] Prediction { get; }

    public int Count => Score.Length;

    /// <summary>Reads every prediction row of <paramref name="scored"/> (this materializes the transform).</summary>
    public static ScoredRows Read(IDataView scored, TaskKind task)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var count = (int)(scored.GetRowCount() ?? scored.GetColumn<float>(scored.Schema[0].Name).LongCount());
        var rows = new ScoredRows(task, count);
        var schema = scored.Schema;
        var needed = task switch
        {
            TaskKind.Binary => new[] { "Score", "Probability", "PredictedLabel" },
            TaskKind.Multiclass => ["Score", "PredictedLabel"],
            _ => ["Score", "Prediction"],
        };
        foreach (var name in needed)
        {
            if (schema.GetColumnOrNull(name) is null)
            {
                throw new InvalidOperationException($"The trained model did not produce the column '{name}' a {task} model must have.");
            }
        }

        using var cursor = scored.GetRowCursor(needed.Select(n => schema[n]));
        var i = 0;
        switch (task)
        {
            case TaskKind.Binary:
            {
                var score = cursor.GetGetter<float>(schema["Score"]);
                var probability = cursor.GetGetter<float>(schema["Probability"]);
                var predicted = cursor.GetGetter<bool>(schema["PredictedLabel"]);
                while (cursor.MoveNext())
                {
                    score(ref rows.Score[i]);
                    probability(ref rows.Probability[i]);
                    predicted(ref rows.PredictedPositive[i]);
                    i++;
                }

                break;
            }

            case TaskKind.Multiclass:
            {
                var score = cursor.GetGetter<VBuffer<float>>(schema["Score"]);
                var predicted = cursor.GetGetter<uint>(schema["PredictedLabel"]);
                var buffer = default(VBuffer<float>);
                uint key = 0;
                while (cursor.MoveNext())
                {
                    score(ref buffer);
                    predicted(ref key);
                    rows.ClassProbabilities[i] = buffer.DenseValues().ToArray();
                    rows.PredictedClass[i] = (int)key - 1;
                    rows.Score[i] = key > 0 ? rows.ClassProbabilities[i][key - 1] : float.NaN;
                    i++;
                }

                break;
            }

            default:
            {
                var score = cursor.GetGetter<float>(schema["Score"]);
                var prediction = cursor.GetGetter<float>(schema["Prediction"]);
                while (cursor.MoveNext())
                {
                    score(ref rows.Score[i]);
                    prediction(ref rows.Prediction[i]);
                    i++;
                }

                break;
            }
        }

        return rows;
    }

    /// <summary>
    /// Rows from averaged predictions (a bag of inner models, or an ensemble): binary probability of the positive
    /// class (also used as the score; predicted positive at 0.5 or above), multiclass class probabilities (predicted
    /// class = the most probable, the first on ties), regression values on the model's scale (<see cref="Prediction"/>
    /// is <c>exp</c> of them when the label was log-transformed).
    /// </summary>
    /// <exception cref="ArgumentException">The width does not fit the task.</exception>
    public static ScoredRows FromPredictions(TaskKind task, PredictionSet predictions, MLPipelines.Spec.LabelTransform transform)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if ((task == TaskKind.Multiclass) != (predictions.Width > 1))
        {
            throw new ArgumentException($"{task} predictions cannot have {predictions.Width} values per row.", nameof(predictions));
        }

        var rows = new ScoredRows(task, predictions.Rows);
        var values = predictions.Values;
        var width = predictions.Width;
        for (var i = 0; i < rows.Count; i++)
        {
            switch (task)
            {
                case TaskKind.Binary:
                    rows.Score[i] = rows.Probability[i] = values[i];
                    rows.PredictedPositive[i] = values[i] >= 0.5f;
                    break;
                case TaskKind.Multiclass:
                    var probabilities = values.AsSpan(i * width, width).ToArray();
                    var best = 0;
                    for (var k = 1; k < width; k++)
                    {
                        best = probabilities[k] > probabilities[best] ? k : best;
                    }

                    rows.ClassProbabilities[i] = probabilities;
                    rows.PredictedClass[i] = best;
                    rows.Score[i] = probabilities[best];
                    break;
                default:
                    rows.Score[i] = values[i];
                    rows.Prediction[i] = transform == MLPipelines.Spec.LabelTransform.Log ? MathF.Exp(values[i]) : values[i];
                    break;
            }
        }

        return rows;
    }

    /// <summary>The task's metrics against the labels of <paramref name="rows"/> (indices into the dataset).</summary>
    public Dictionary<string, double> Metrics(LabelInfo label, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(rows);
        return Task switch
        {
            TaskKind.Binary => BinaryMetrics.Compute([.. rows.Select(r => label.ClassIndex[r] == 1)], Score, Probability, PredictedPositive),
            TaskKind.Multiclass => MulticlassMetrics.Compute([.. rows.Select(r => label.ClassIndex[r])], PredictedClass, ClassProbabilities),
            _ => RegressionMetrics.Compute([.. rows.Select(r => label.Values[r])], Score),
        };
    }
}
