using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec.Steps;

/// <summary>The options of the <c>impute</c> step: how missing values are filled, from training-fold statistics.</summary>
public sealed class ImputeOptions
{
    [Option("numeric", "Fill for numeric columns: median, mean, zero, or most_frequent (the mode).", Choices = ["median", "mean", "zero", "most_frequent"])]
    public string Numeric { get; set; } = "median";

    [Option("categorical", "Fill for categorical columns: most_frequent, or constant (a separate \"missing\" category).", Choices = ["most_frequent", "constant"])]
    public string Categorical { get; set; } = "most_frequent";

    [Option("add_indicator", "Also add a 0/1 feature per numeric column that has missing values in the file, marking the filled rows.")]
    public bool AddIndicator { get; set; }
}
