namespace MLPipelines.Data.Tests;

public sealed class MissingValueSetTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("NA")]
    [InlineData(" NA ")]
    [InlineData("-999")]
    [InlineData("-9999")]
    [InlineData("-1.5")]
    [InlineData("\u00E9t\u00E9")]
    [InlineData("\u00E9")]
    [InlineData("n/a")]
    [InlineData("N/A")]
    [InlineData("?")]
    [InlineData("1")]
    [InlineData("\u00A0NA")]
    public void MissingValueSet_IsMissing_SpanAgreesWithString(string field)
    {
        var missing = new MissingValueSet(["NA", "-999", "n/a", " \u00E9t\u00E9 "]);

        Assert.Equal(missing.IsMissing(field), missing.IsMissing(field.AsSpan()));
        Assert.Equal(field.Trim() is "" or "NA" or "-999" or "n/a" or "\u00E9t\u00E9", missing.IsMissing(field.AsSpan()));
    }
}
