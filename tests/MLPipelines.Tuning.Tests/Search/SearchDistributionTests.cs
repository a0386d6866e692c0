using MLPipelines.Tuning.Search;

namespace MLPipelines.Tuning.Tests.Search;

public sealed class SearchDistributionTests
{
    [Fact]
    public void UniformDistribution_Sample_CoversTheRangeEvenly()
    {
        var values = Draw(new UniformDistribution(0.1, 0.3), 20_000).Cast<double>().ToList();

        Assert.All(values, v => Assert.InRange(v, 0.1, 0.3));
        Assert.InRange(values.Average(), 0.198, 0.202);
        Assert.InRange(values.Count(v => v < 0.15) / 20_000.0, 0.24, 0.26);
    }

    [Fact]
    public void LogUniformDistribution_Sample_GivesEachDecadeTheSameShare()
    {
        // Given [1e-4, 1e-1] (three decades), when drawn, then about a third of the values fall in each decade.
        var values = Draw(new LogUniformDistribution(1e-4, 1e-1), 30_000).Cast<double>().ToList();

        Assert.All(values, v => Assert.InRange(v, 1e-4, 1e-1));
        Assert.InRange(values.Count(v => v < 1e-3) / 30_000.0, 0.32, 0.347);
        Assert.InRange(values.Count(v => v >= 1e-2) / 30_000.0, 0.32, 0.347);
    }

    [Fact]
    public void IntUniformDistribution_Sample_GivesEveryIntegerIncludingTheEnds()
    {
        var values = Draw(new IntUniformDistribution(2, 5), 4_000).Cast<long>().ToList();

        Assert.Equal([2L, 3, 4, 5], values.Distinct().Order());
        Assert.All(values.GroupBy(v => v), g => Assert.InRange(g.Count(), 900, 1100));
    }

    [Fact]
    public void IntLogUniformDistribution_Sample_IsLogUniformAndHitsBothEnds()
    {
        // Given 2..512, when drawn, then about half the values are below the geometric middle (32) and the ends appear.
        var values = Draw(new IntLogUniformDistribution(2, 512), 20_000).Cast<long>().ToList();

        Assert.All(values, v => Assert.InRange(v, 2, 512));
        Assert.InRange(values.Count(v => v < 32) / 20_000.0, 0.45, 0.52);
        Assert.Contains(2L, values);
        Assert.Contains(512L, values);
    }

    [Fact]
    public void ChoiceDistribution_Sample_ReturnsListValuesAsFreshCopies()
    {
        var choice = new ChoiceDistribution([new[] { 256, 256 }, new List<object> { 512L, 512L, 512L }]);
        var random = new TuningRandom(3);

        var values = Enumerable.Range(0, 50).Select(_ => choice.Sample(ref random)).ToList();
        ((List<object?>)values[0]!).Clear();

        Assert.All(values.Skip(1), v => Assert.IsType<List<object?>>(v));
        Assert.Contains(values.Skip(1), v => SearchValues.AreEqual(v, new List<object?> { 256L, 256L }));
        Assert.Contains(values.Skip(1), v => SearchValues.AreEqual(v, new List<object?> { 512L, 512L, 512L }));
        Assert.Equal(2, choice.Choices!.Count);
        Assert.Equal(2, ((List<object?>)choice.Choices[0]!).Count);
    }

    [Fact]
    public void SearchDistribution_ToString_IsTheSpecForm()
    {
        Assert.Equal("{log_uniform: [0.0003, 0.01]}", new LogUniformDistribution(3e-4, 1e-2).ToString());
        Assert.Equal("{uniform: [0, 0.3]}", new UniformDistribution(0, 0.3).ToString());
        Assert.Equal("{int_log_uniform: [2, 512]}", new IntLogUniformDistribution(2, 512).ToString());
        Assert.Equal("{choice: [[256, 256], adamw, \"two words\", true]}", new ChoiceDistribution([new[] { 256, 256 }, "adamw", "two words", true]).ToString());
    }

    [Fact]
    public void SearchValues_Display_ShortensNumbersButNotIntegers()
    {
        Assert.Equal("0.002654", SearchValues.Display(0.0026543073898582));
        Assert.Equal("[256, 256]", SearchValues.Display(new List<object> { 256L, 256L }));
        Assert.Equal("1234567", SearchValues.Display(1234567L));
        Assert.Equal("adamw", SearchValues.Display("adamw"));
    }

    [Fact]
    public void ChoiceDistribution_Equals_ComparesValuesDeeply()
    {
        Assert.Equal(new ChoiceDistribution([new[] { 1, 2 }]), new ChoiceDistribution([new List<object> { 1L, 2L }]));
        Assert.NotEqual(new ChoiceDistribution([new[] { 1, 2 }]), new ChoiceDistribution([new[] { 2, 1 }]));
    }

    [Fact]
    public void SearchDistribution_Constructors_RejectEmptyOrInvalidRanges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformDistribution(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformDistribution(0, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogUniformDistribution(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntUniformDistribution(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntLogUniformDistribution(0, 4));
        Assert.Throws<ArgumentException>(() => new ChoiceDistribution([]));
        Assert.Throws<ArgumentException>(() => new ChoiceDistribution([new object()]));
    }

    private static List<object?> Draw(SearchDistribution distribution, int count)
    {
        var random = new TuningRandom(11);
        return [.. Enumerable.Range(0, count).Select(_ => distribution.Sample(ref random))];
    }
}
