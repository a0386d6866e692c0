namespace MLPipelines.Reports.Charts;

/// <summary>
/// One neural model's learning curves: a value per epoch for every split, validation as solid lines and training
/// as thin faded lines in the model's color, so over-fitting shows as the two drifting apart.
/// </summary>
public static class LearningCurveChart
{
    /// <param name="model">Model name (title).</param>
    /// <param name="colorIndex">Model color.</param>
    /// <param name="quantity">What is plotted, e.g. "loss" or "accuracy".</param>
    /// <param name="train">Per split: (epoch, training value) points.</param>
    /// <param name="validation">Per split: (epoch, validation value) points; may be empty.</param>
    public static string Render(string model, int colorIndex, string quantity, IReadOnlyList<(double[] Epoch, double[] Value)> train, IReadOnlyList<(double[] Epoch, double[] Value)> validation)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        var plot = SvgChart.NewPlot(SvgChart.Label($"{model}: {quantity}", 60), "epoch", quantity);
        var color = ModelColors.For(colorIndex);
        foreach (var (epoch, value) in train.Where(s => s.Epoch.Length > 0))
        {
            var line = plot.Add.ScatterLine(epoch, value, color.WithAlpha(0.4));
            line.LineWidth = 1;
        }

        foreach (var (epoch, value) in validation.Where(s => s.Epoch.Length > 0))
        {
            var line = plot.Add.ScatterLine(epoch, value, color);
            line.LineWidth = 2.5f;
        }

        return SvgChart.Render(plot, $"{quantity} per epoch of {model}, one line per split");
    }
}
