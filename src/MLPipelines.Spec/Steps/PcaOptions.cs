using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec.Steps;

/// <summary>The options of the <c>pca</c> step.</summary>
public sealed class PcaOptions
{
    [Option("components", "Number of components to keep; must not exceed the number of features reaching the step.", Min = 1, Max = 10000)]
    public int Components { get; set; } = 8;
}
