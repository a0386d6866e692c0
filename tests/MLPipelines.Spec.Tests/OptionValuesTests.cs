namespace MLPipelines.Spec.Tests;

public sealed class OptionValuesTests
{
    private static readonly Dictionary<string, object?> Options = new(StringComparer.Ordinal)
    {
        ["trees"] = 300L,
        ["rate"] = 0.1,
        ["whole_rate"] = 1L,
        ["flag"] = true,
        ["method"] = "zscore",
        ["threads"] = null,
        ["layers"] = new List<object> { 256L, 128L },
    };

    [Fact]
    public void OptionValues_Getters_ReadResolvedTypes()
    {
        Assert.Equal(300, Options.GetInt32("trees"));
        Assert.Equal(300L, Options.GetInt64("trees"));
        Assert.Equal(0.1, Options.GetDouble("rate"));
        Assert.Equal(1.0, Options.GetDouble("whole_rate"));
        Assert.True(Options.GetBool("flag"));
        Assert.Equal("zscore", Options.GetString("method"));
        Assert.Equal([256L, 128L], Options.GetInt64List("layers"));
        Assert.Equal([256.0, 128.0], Options.GetDoubleList("layers"));
    }

    [Fact]
    public void OptionValues_GetNullable_MapsNullToAutomatic()
    {
        Assert.Null(Options.GetNullable<int>("threads"));
        Assert.Equal(300, Options.GetNullable<int>("trees"));
        Assert.Equal(300.0, Options.GetNullable<double>("trees"));
        Assert.Equal(0.1, Options.GetNullable<double>("rate"));
    }

    [Fact]
    public void OptionValues_WrongTypeOrMissingName_IsAProgrammingError()
    {
        Assert.Throws<InvalidOperationException>(() => Options.GetString("trees"));
        Assert.Throws<InvalidOperationException>(() => Options.GetInt64("rate"));
        Assert.Throws<InvalidOperationException>(() => Options.GetBool("threads"));
        var missing = Assert.Throws<InvalidOperationException>(() => Options.GetInt64("tree"));
        Assert.Contains("'tree'", missing.Message, StringComparison.Ordinal);
    }
}
