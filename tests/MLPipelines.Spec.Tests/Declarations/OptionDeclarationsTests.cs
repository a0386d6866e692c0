using MLPipelines.Core.Trainers;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec.Tests.Declarations;

public sealed class OptionDeclarationsTests
{
    [Fact]
    public void Of_TypesDefaultsAndNullability_ComeFromTheProperties()
    {
        var options = OptionDeclarations.Of<Sample>().ToDictionary(o => o.Name);

        Assert.Equal(["count", "rate", "mode", "widths", "seed", "label"], OptionDeclarations.Of<Sample>().Select(o => o.Name));
        Assert.Equal((OptionKind.Int, (object?)4L, false), (options["count"].Kind, options["count"].Default, options["count"].Nullable));
        Assert.Equal((OptionKind.Float, (object?)0.5, OptionScale.Log), (options["rate"].Kind, options["rate"].Default, options["rate"].Scale));
        Assert.Equal(OptionKind.Enum, options["mode"].Kind);
        Assert.Equal(["fast_lane", "slow", "adamw"], options["mode"].Allowed);
        Assert.Equal("fast_lane", options["mode"].Default);
        Assert.Equal(OptionKind.IntList, options["widths"].Kind);
        Assert.Equal([8L, 16L], (IEnumerable<object?>)options["widths"].Default!);
        Assert.True(options["seed"].Nullable);
        Assert.Null(options["seed"].Default);
        Assert.True(options["label"].Nullable);
        Assert.True(options["count"].Resource);
    }

    [Fact]
    public void Bind_ThenValues_RoundTripsResolvedValues()
    {
        var values = new Dictionary<string, object?>
        {
            ["count"] = 9L,
            ["rate"] = 0.25,
            ["mode"] = "adamw",
            ["widths"] = new List<object> { 1L, 2L, 3L },
            ["seed"] = null,
            ["label"] = "x",
        };

        var bound = OptionDeclarations.Bind<Sample>(values);

        Assert.Equal((9, 0.25, SampleMode.AdamW, (int?)null, "x"), (bound.Count, bound.Rate, bound.Mode, bound.Seed, bound.Label));
        Assert.Equal([1, 2, 3], bound.Widths);
        Assert.Equal(values, OptionDeclarations.Values(bound));
    }

    [Fact]
    public void Bind_UnknownKey_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => OptionDeclarations.Bind<Sample>(new Dictionary<string, object?> { ["cuont"] = 1L }));

        Assert.Contains("'cuont' is not an option of Sample", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RangeErrors_ValuesBuiltInCode_AreCheckedAgainstTheDeclaration()
    {
        var errors = OptionDeclarations.RangeErrors(new Sample { Count = 0, Rate = double.NaN, Widths = [8, 0] }).ToList();

        Assert.Equal(
        [
            ("count", "must be >= 1 and <= 100, got 0"),
            ("rate", "must be > 0, got NaN"),
            ("widths", "must be >= 1, got 0"),
        ], errors);
        Assert.Empty(OptionDeclarations.RangeErrors(new Sample()));
    }

    [Fact]
    public void Search_Declared_BecomesATuningDistributionWithinTheDeclaredRange()
    {
        var rate = OptionDeclarations.Of<Sample>().Single(o => o.Name == "rate");

        Assert.Equal("{log_uniform: [0.01, 1]}", rate.Search!.ToString());
        Assert.Equal("test", rate.SearchSource);
    }

    [Fact]
    public void EveryTrainer_SearchSpaces_LieWithinTheDeclaredRanges()
    {
        var registry = BuiltinTrainers.CreateRegistry();

        foreach (var option in registry.Plugins.SelectMany(p => p.Options).Where(o => o.Search?.NumericRange is not null))
        {
            var (low, high) = option.Search!.NumericRange!.Value;
            Assert.True(option.RangeError(low) is null && option.RangeError(high) is null, $"{option.Name}: search [{low}, {high}] is outside {option.RangeText}");
        }

        Assert.All(registry.Plugins.Where(p => p.Family is "boosted_trees" or "forest"), p => Assert.Single(p.Options, o => o.Resource));
    }

    public enum SampleMode
    {
        FastLane,
        Slow,
        AdamW,
    }

    public sealed class Sample
    {
        [Option("count", "How many.", Min = 1, Max = 100, Resource = true)]
        public int Count { get; set; } = 4;

        [Option("rate", "How fast.", Min = 0, MinExclusive = true, Scale = OptionScale.Log)]
        [Search(SearchKind.LogUniform, 0.01, 1, Source = "test")]
        public double Rate { get; set; } = 0.5;

        [Option("mode", "Which way.")]
        public SampleMode Mode { get; set; }

        [Option("widths", "Layer widths.", Min = 1)]
        public IReadOnlyList<int> Widths { get; set; } = [8, 16];

        [Option("seed", "Seed; null = the run's.")]
        public int? Seed { get; set; }

        [Option("label", "A free text; null = none.")]
        public string? Label { get; set; }

        /// <summary>Not an option: no attribute.</summary>
        public string Ignored { get; set; } = "";
    }
}
