namespace MLPipelines.Data.Tests;

public sealed class ColumnStatsTests
{
    [Theory]
    [InlineData("0", "-0")]
    [InlineData("-0", "0")]
    public void ColumnStats_Add_OrdersZeroesAsMathMinAndMax(string first, string second)
    {
        // Given a column of a zero and a negative zero, in either order
        var stats = new ColumnStats();

        // When both are added
        stats.Add(first, MissingValueSet.Default, out _, out _);
        stats.Add(second, MissingValueSet.Default, out _, out _);

        // Then the minimum is -0 and the maximum 0, as Math.Min and Math.Max order them
        Assert.True(double.IsNegative(stats.Min));
        Assert.False(double.IsNegative(stats.Max));
    }

    [Fact]
    public void ColumnStats_AddUncountedAndAddMissing_GiveWhatAddGives()
    {
        // Given the same values added as texts to one column and as parsed numbers and gaps to another
        var texts = new ColumnStats(maxCounted: 0);
        var parsed = new ColumnStats(maxCounted: 0);
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            var x = Math.Round(random.NextDouble() * 200 - 100, 3);
            var text = i % 10 == 0 ? "" : x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            texts.Add(text, MissingValueSet.Default, out _, out _);
            if (text.Length == 0)
            {
                parsed.AddMissing();
            }
            else
            {
                parsed.AddUncounted(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        // Then every statistic is the same, bit for bit
        Assert.Null(texts.Counts);
        Assert.Equal((texts.Rows, texts.Missing, texts.Numbers, texts.Integers), (parsed.Rows, parsed.Missing, parsed.Numbers, parsed.Integers));
        Assert.Equal((texts.Min, texts.Max, texts.Sum, texts.Squares), (parsed.Min, parsed.Max, parsed.Sum, parsed.Squares));
    }
}
