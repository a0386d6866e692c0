using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec.Steps;

/// <summary>The options of the <c>normalize</c> step: how numeric features are rescaled.</summary>
public sealed class NormalizeOptions
{
    [Option("method", "minmax: (x - min) / (max - min); zscore: (x - mean) / std; robust: (x - median) / IQR; log_zscore: zscore of ln(x) (ML.NET log-mean-variance).", Choices = ["minmax", "zscore", "robust", "log_zscore"])]
    public string Method { get; set; } = "zscore";
}
