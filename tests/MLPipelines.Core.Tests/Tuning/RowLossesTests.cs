using MLPipelines.Core.Tuning;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Tuning.Ensembles;

namespace MLPipelines.Core.Tests.Tuning;

public sealed class RowLossesTests
{
    [Theory]
    [InlineData(TaskKind.Binary, "accuracy")]
    [InlineData(TaskKind.Binary, "log_loss")]
    [InlineData(TaskKind.Multiclass, "accuracy")]
    [InlineData(TaskKind.Multiclass, "log_loss")]
    [InlineData(TaskKind.Regression, "mae")]
    [InlineData(TaskKind.Regression, "rmse")]
    [InlineData(TaskKind.Regression, "r2")]
    public void RowLosses_Compute_AreTheRowsOfTheMetric(TaskKind task, string metric)
    {
        // Given random predictions of 200 rows (ties and 0/1 probabilities included), when the metric is computed by the
        // run's metric code and rebuilt from the per-row losses, then both agree (rmse = sqrt(mean), r2 = 1 - sse / sst).
        var (label, predictions) = Random(task, 200, seed: 3);
        var rows = Enumerable.Range(0, 200).ToArray();
        var expected = new InnerScorer(label, metric).Score(predictions, rows);

        var losses = RowLosses.Compute(metric, label, predictions, rows);

        var mean = losses.Average();
        var values = label.Values.Select(v => (double)v).ToArray();
        var rebuilt = metric switch
        {
            "accuracy" => 1 - mean,
            "rmse" => Math.Sqrt(mean),
            "r2" => 1 - losses.Sum() / values.Sum(v => (v - values.Average()) * (v - values.Average())),
            _ => mean,
        };
        Assert.Equal(expected, rebuilt, 1e-9);
    }

    [Theory]
    [InlineData("auc")]
    [InlineData("f1")]
    [InlineData("macro_accuracy")]
    public void RowLosses_Statistic_IsNullForMetricsThatAreNotAMeanOverRows(string metric) => Assert.Null(RowLosses.Statistic(metric));

    private static (LabelInfo Label, PredictionSet Predictions) Random(TaskKind task, int rows, int seed)
    {
        var random = new Random(seed);
        var width = task == TaskKind.Multiclass ? 3 : 1;
        var values = new float[rows * width];
        for (var i = 0; i < values.Length; i++)
        {
            // Every tenth value is 0, 0.5 or 1 exactly: the edges of the 0.5 threshold, clipping and ties.
            values[i] = i % 10 == 0 ? (i / 10 % 3) * 0.5f : (float)random.NextDouble();
        }

        if (task == TaskKind.Multiclass)
        {
            for (var r = 0; r < rows; r++)
            {
                var sum = values[(r * 3)..(r * 3 + 3)].Sum();
                for (var k = 0; k < 3; k++)
                {
                    values[r * 3 + k] = sum > 0 ? values[r * 3 + k] / sum : 1f / 3;
                }
            }
        }

        var label = new LabelInfo
        {
            Task = task,
            Rows = [.. Enumerable.Range(0, rows)],
            Original = [.. Enumerable.Range(0, rows).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            ClassIndex = task == TaskKind.Regression ? [] : [.. Enumerable.Range(0, rows).Select(_ => random.Next(width == 1 ? 2 : width))],
            Values = task == TaskKind.Regression ? [.. Enumerable.Range(0, rows).Select(_ => (float)(random.NextDouble() * 3))] : [],
        };
        return (label, new PredictionSet(values, width));
    }
}
