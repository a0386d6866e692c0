namespace MLPipelines.Reports.Curves;

/// <summary>One bin of a reliability diagram.</summary>
/// <param name="Low">Lower edge of the bin.</param>
/// <param name="High">Upper edge.</param>
/// <param name="Count">Predictions in the bin.</param>
/// <param name="MeanPredicted">Mean predicted probability in the bin.</param>
/// <param name="ObservedRate">Share of the bin's rows where the event happened.</param>
public sealed record ReliabilityBin(double Low, double High, int Count, double MeanPredicted, double ObservedRate);
