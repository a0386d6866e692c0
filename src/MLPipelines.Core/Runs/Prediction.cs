namespace MLPipelines.Core.Runs;

/// <summary>
/// One scored row in the label's own terms, as <c>mlpipe predict</c> writes it and <c>mlpipe serve</c> answers it.
/// </summary>
/// <param name="Label">The prediction as text: a class name, or the regression value written with round-trip precision.</param>
/// <param name="Value">Regression: the predicted number (in the label file's units); null for classification.</param>
/// <param name="Probability">Binary: the probability of the positive class (the second of <see cref="PredictionBatch.Classes"/>).</param>
/// <param name="Probabilities">Multiclass: one probability per class, in the order of <see cref="PredictionBatch.Classes"/>.</param>
public sealed record Prediction(string Label, float? Value, float? Probability, IReadOnlyList<float>? Probabilities);
