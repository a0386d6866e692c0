namespace MLPipelines.XGBoost.Onnx;

/// <summary>
/// Names of the ONNX graph's outputs, each <c>[N, targets]</c>: the margin (raw sum; binary logit, regression
/// value), and for binary its sigmoid, or for multiclass the softmax over the class margins (then the margin is
/// internal). A null name is not produced.
/// </summary>
internal sealed record TreeEnsembleOutputs(string? Margin, string? Probability = null, string? ClassProbabilities = null);
