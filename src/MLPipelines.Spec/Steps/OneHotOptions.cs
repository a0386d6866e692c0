using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec.Steps;

/// <summary>The options of the <c>one_hot</c> step: how categorical columns become 0/1 features.</summary>
public sealed class OneHotOptions
{
    [Option("max_categories", "Most distinct values a column may have for plain one-hot encoding (counted over the whole file, so every fold encodes the column the same way).", Min = 2, Max = 65536)]
    public int MaxCategories { get; set; } = 64;

    [Option("high_cardinality", "Columns with more than max_categories values: hash = one-hot of a hash of the value into max_categories rounded up to a power of two slots; drop = leave the column out.", Choices = ["hash", "drop"])]
    public string HighCardinality { get; set; } = "hash";
}
