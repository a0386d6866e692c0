using MLPipelines.Tuning.Search;

namespace MLPipelines.Tuning.Tests.Search;

public sealed class ConfigSequenceTests
{
    private static readonly SearchSpace Space = new([
        new("learning_rate", new LogUniformDistribution(0.01, 0.3)),
        new("num_leaves", new IntLogUniformDistribution(4, 256)),
        new("hidden_layers", new ChoiceDistribution([new[] { 64 }, new[] { 128, 128 }])),
    ]);

    [Fact]
    public void ConfigSequence_Index_FirstIsTheDefaultsThenDrawsInSpaceOrder()
    {
        var configs = new ConfigSequence(Space, 42);

        Assert.True(configs[0]!.IsDefault);
        Assert.Equal("default", configs[0]!.Key);
        Assert.Equal(["learning_rate", "num_leaves", "hidden_layers"], configs[1]!.Values.Select(v => v.Key));
        Assert.IsType<double>(configs[1]!.Values[0].Value);
        Assert.IsType<long>(configs[1]!.Values[1].Value);
    }

    [Fact]
    public void ConfigSequence_Index_IsAFunctionOfSeedAndIndexOnly()
    {
        // Given two sequences with the same seed, when one is read backwards and the other forwards, then they agree.
        var forwards = new ConfigSequence(Space, 42);
        var backwards = new ConfigSequence(Space, 42);

        var late = backwards[20]!.Key;
        var keys = Enumerable.Range(0, 21).Select(i => forwards[i]!.Key).ToList();

        Assert.Equal(late, keys[20]);
        Assert.Equal(keys, Enumerable.Range(0, 21).Select(i => backwards[i]!.Key));
        Assert.Equal(21, keys.Distinct().Count());
        Assert.NotEqual(keys[1], new ConfigSequence(Space, 43)[1]!.Key);
    }

    [Fact]
    public void ConfigSequence_Index_AFiniteSpaceEndsAfterItsDistinctConfigurations()
    {
        // Given 2 x 3 choices where one combination equals the model's own options, then 5 draws follow the defaults.
        var space = new SearchSpace([new("a", new ChoiceDistribution([1, 2])), new("b", new ChoiceDistribution(["x", "y", "z"]))]);
        var configs = new ConfigSequence(space, 1, new Dictionary<string, object?> { ["a"] = 1L, ["b"] = "x" });

        var drawn = Enumerable.Range(1, 5).Select(i => configs[i]!.Key).ToList();

        Assert.Equal(5, drawn.Distinct().Count());
        Assert.DoesNotContain("a=1, b=x", drawn);
        Assert.Null(configs[6]);
    }

    [Fact]
    public void ConfigSequence_Index_AnEmptySpaceHasOnlyTheDefaults()
    {
        var configs = new ConfigSequence(SearchSpace.Empty, 1);

        Assert.True(configs[0]!.IsDefault);
        Assert.Null(configs[1]);
    }

    [Fact]
    public void SearchSpace_With_ReplacesInPlaceAndAppendsNewNames()
    {
        var overridden = Space.With(new SearchSpace([new("dropout", new UniformDistribution(0, 0.3)), new("num_leaves", new IntUniformDistribution(8, 16))]));

        Assert.Equal(["learning_rate", "num_leaves", "hidden_layers", "dropout"], overridden.Dimensions.Select(d => d.Name));
        Assert.Equal(new IntUniformDistribution(8, 16), overridden.Dimensions[1].Distribution);
    }

    [Fact]
    public void SearchSpace_Constructor_RejectsADuplicateName()
    {
        var error = Assert.Throws<ArgumentException>(() => new SearchSpace([new("a", new UniformDistribution(0, 1)), new("a", new UniformDistribution(0, 2))]));

        Assert.Contains("'a' is searched twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchSpace_Cardinality_CountsOnlyAllChoiceSpaces()
    {
        Assert.Null(Space.Cardinality);
        Assert.Equal(6, new SearchSpace([new("a", new ChoiceDistribution([1, 2])), new("b", new ChoiceDistribution([1, 2, 3]))]).Cardinality);
        Assert.Equal(1, SearchSpace.Empty.Cardinality);
    }

    [Fact]
    public void TrialConfig_ApplyTo_OverridesAndCopiesValues()
    {
        var config = new TrialConfig([new("hidden_layers", new[] { 64, 64 }), new("dropout", 0.1)]);
        var options = new Dictionary<string, object?> { ["dropout"] = null, ["epochs"] = 100L };

        var applied = config.ApplyTo(options);
        ((List<object?>)applied["hidden_layers"]!).Add(1L);

        Assert.Equal(100L, applied["epochs"]);
        Assert.Equal(0.1, applied["dropout"]);
        Assert.Null(options["dropout"]);
        Assert.Equal("hidden_layers=[64, 64], dropout=0.1", config.Key);
        Assert.True(config.SameAs(new Dictionary<string, object?> { ["hidden_layers"] = new List<object> { 64L, 64L }, ["dropout"] = 0.1 }));
    }
}
