namespace MLPipelines.Reports.Findings;

/// <summary>One metric of one model as the reports show it: mean, spread, interval and the mark against the baseline.</summary>
/// <param name="Mean">Mean over the splits (NaN when the model has no value).</param>
/// <param name="Std">Sample standard deviation over the splits.</param>
/// <param name="Low">Lower end of the 95% interval of the mean, clamped to the metric's range (<see cref="MetricKinds.Clamp"/>); null with a single split.</param>
/// <param name="High">Upper end of the interval.</param>
/// <param name="Mark">"v" significantly better than the baseline, "*" significantly worse, "" otherwise.</param>
public sealed record ModelSummary(double Mean, double Std, double? Low, double? High, string Mark);
