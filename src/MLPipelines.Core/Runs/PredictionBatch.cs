namespace MLPipelines.Core.Runs;

/// <summary>The predictions for a batch of rows, with the class names their probabilities refer to.</summary>
/// <param name="Classes">
/// Binary: [negative, positive]; multiclass: the class of each entry of <see cref="Prediction.Probabilities"/>;
/// empty for regression (and for zips without MLPipelines metadata, whose classes are numbered).
/// </param>
/// <param name="Rows">One prediction per input row, in input order.</param>
public sealed record PredictionBatch(IReadOnlyList<string> Classes, IReadOnlyList<Prediction> Rows);
