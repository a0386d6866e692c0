namespace MLPipelines.Trainers.Mlp.Scoring;

/// <summary>Names of the temporary columns between the ONNX graph and ML.NET's standard prediction columns.</summary>
internal static class ScoreColumns
{
    /// <summary>Binary: the logit, [1] (ONNX output).</summary>
    public const string Logit = "MlpLogit";

    /// <summary>Binary: the sigmoid of the logit, [1] (ONNX output).</summary>
    public const string Probability = "MlpProbability";

    /// <summary>Regression: the prediction on the label's scale, [1] (ONNX output).</summary>
    public const string Value = "MlpValue";

    /// <summary>Multiclass: 0-based index of the most probable class (scalar).</summary>
    public const string ClassIndex = "MlpClassIndex";

    /// <summary>Multiclass: the label's key value of that class (scalar).</summary>
    public const string ClassValue = "MlpClassValue";
}
