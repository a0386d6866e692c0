using System.Globalization;

namespace MLPipelines.Data.Tests;

public sealed class NumberParserTests
{
    private static readonly string[] EdgeCases =
    [
        "0", "-0", "+0", "0.0", "-0.0000", "00", "000.000", ".5", "-.5", "5.", "-5.", ".", "-", "+", "", "+-1", "--1",
        "e5", "1e", "1e+", "1e-", "1e5", "1E5", "1e+05", "1e-05", "-1.5E-3", "1.e3", ".1e3", "1e0", "1e-0", "0e999",
        "1e22", "1e23", "9e22", "1e-22", "1e-23", "123456789e-30", "1e308", "1e309", "-1e309", "1e-320", "1e-400",
        "3.4028235e38", "3.4028236e38", "3.40282357e38", "1e38", "1e39", "-1e39", "1.17549435e-38", "1e-45",
        "1.4e-45", "7e-46", "7.1e-46", "1e-50", "16777216", "16777217", "16777218", "16777219", "33554435",
        "8388608.5", "8388609.5", "9007199254740992", "9007199254740993", "9007199254740994", "18446744073709551615",
        "18446744073709551616", "1234567890123456789", "12345678901234567890", "0.1", "0.2", "0.3", "2.5", "-2.5",
        "0.30000000000000004", "1.0000000000000000000000001", "00000000000000000000001.5", "0.000000000000000000000001",
        "100000000000000000000000", "4.9406564584124654e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
        "Infinity", "-Infinity", "+Infinity", "infinity", "INFINITY", "inf", "-inf", "\u221E", "-\u221E", "NaN",
        "nan", "NAN", "-NaN", "+NaN", "1_000", "1,5", "0x10", "1e5.5", "1.2.3", "\u0661", "1\u00A0", "\u00A01",
        "1\0", "1 ", " 1", "1 e5", "$1", "1%", "1-", "1+", "++1", "a5", "k17", "x", "Inf", "i", "n", "N/A", "null",
        "E5", "\"1\"", "1\"", "1;2",
    ];

    [Fact]
    public void NumberParser_TryParse_MatchesTheFrameworkOnEdgeCases()
    {
        foreach (var text in EdgeCases)
        {
            AssertSame(text);
        }
    }

    [Fact]
    public void NumberParser_TryParse_MatchesTheFrameworkOnRandomDecimals()
    {
        var random = new Random(14);
        for (var i = 0; i < 200_000; i++)
        {
            AssertSame(RandomDecimal(random));
        }
    }

    [Fact]
    public void NumberParser_TryParse_MatchesTheFrameworkOnPrintedFloatsDoublesAndTies()
    {
        var random = new Random(15);
        for (var i = 0; i < 50_000; i++)
        {
            var bits = random.Next() ^ (random.Next(2) << 31);
            var f = BitConverter.Int32BitsToSingle(bits);
            var d = BitConverter.Int64BitsToDouble(random.NextInt64() ^ (random.Next(2) == 0 ? long.MinValue : 0));
            var x = random.NextDouble() * Math.Pow(10, random.Next(-12, 12)) * (random.Next(2) == 0 ? -1 : 1);
            foreach (var format in new[] { "R", "G9", "E7", "F4", "G17", "E3", "F0" })
            {
                AssertSame(f.ToString(format, CultureInfo.InvariantCulture));
                AssertSame(d.ToString(format, CultureInfo.InvariantCulture));
                AssertSame(x.ToString(format, CultureInfo.InvariantCulture));
            }

            // Decimals exactly halfway between two floats: the float must round the digits, not the double, to even
            var odd = (random.NextInt64(1L << 24, 1L << 25) | 1) << random.Next(0, 20);
            var shift = random.Next(0, 4);
            AssertSame(((decimal)odd / (1 << shift)).ToString(CultureInfo.InvariantCulture));
            AssertSame(((decimal)odd / (1 << shift) * (random.Next(2) == 0 ? -1 : 1)).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string RandomDecimal(Random random)
    {
        var chars = new List<char>();
        if (random.Next(3) == 0)
        {
            chars.Add(random.Next(2) == 0 ? '-' : '+');
        }

        var before = random.Next(5) == 0 ? 0 : random.Next(1, random.Next(2) == 0 ? 8 : 25);
        var after = random.Next(3) == 0 ? 0 : random.Next(0, random.Next(2) == 0 ? 8 : 25);
        for (var k = 0; k < before; k++)
        {
            chars.Add(random.Next(4) == 0 ? '0' : (char)('0' + random.Next(10)));
        }

        if (after > 0 || random.Next(4) == 0)
        {
            chars.Add('.');
        }

        for (var k = 0; k < after; k++)
        {
            chars.Add(random.Next(4) == 0 ? '0' : (char)('0' + random.Next(10)));
        }

        if (random.Next(3) == 0)
        {
            chars.Add(random.Next(2) == 0 ? 'e' : 'E');
            if (random.Next(2) == 0)
            {
                chars.Add(random.Next(2) == 0 ? '-' : '+');
            }

            var power = random.Next(4) == 0 ? random.Next(0, 400) : random.Next(0, 30);
            chars.AddRange(power.ToString(CultureInfo.InvariantCulture));
        }

        return new string([.. chars]);
    }

    [Fact]
    public void NumberParser_TryParseField_ReadsPlainDecimalsAndStopsAtTheSeparator()
    {
        // Given plain decimals of up to 15 digits, each between two other fields of a line
        var random = new Random(16);
        for (var i = 0; i < 20_000; i++)
        {
            var text = (random.NextDouble() * Math.Pow(10, random.Next(-3, 8)) * (random.Next(2) == 0 ? -1 : 1)).ToString("F" + random.Next(0, 7), CultureInfo.InvariantCulture);
            var line = "x;" + text + ";y";

            // When the field is read where it starts
            var read = NumberParser.TryParseField(line, 2, ';', out var end, out var value, out var single);

            // Then it is read (the fast path), ends at the separator and is the framework's double and float
            Assert.True(read, text);
            Assert.Equal(2 + text.Length, end);
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
            Assert.Equal(float.Parse(text, CultureInfo.InvariantCulture), single);
        }
    }

    [Theory]
    [InlineData('.', "1.5.2")]
    [InlineData('5', "15253")]
    [InlineData('0', "1.50")]
    public void NumberParser_TryParseField_LeavesSeparatorsThatANumberCouldHoldToTheGeneralPath(char separator, string line)
    {
        // Given a line whose separator is a point or a digit

        // When its first field is read
        var read = NumberParser.TryParseField(line, 0, separator, out _, out _, out _);

        // Then it is not (the field ends at the first separator, which only the general split knows)
        Assert.False(read);
    }

    private static void AssertSame(string text)
    {
        AssertSameField(text);
        var trimmed = text.AsSpan().Trim();
        var expected = SchemaInferrer.TryParseNumber(trimmed, out var expectedValue);

        var actual = NumberParser.TryParse(trimmed, out var value, out var single);

        Assert.True(expected == actual, $"'{text}': number {expected} expected, {actual} found");
        if (expected)
        {
            var expectedSingle = float.Parse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.DoubleToInt64Bits(expectedValue) == BitConverter.DoubleToInt64Bits(value),
                $"'{text}': double {expectedValue:R} expected, {value:R} found");
            Assert.True(BitConverter.SingleToInt32Bits(expectedSingle) == BitConverter.SingleToInt32Bits(single),
                $"'{text}': float {expectedSingle:R} expected, {single:R} found");
        }
    }

    /// <summary>TryParseField on the text as the middle field of a line: when it reads a number, it is TryParse's, bit for bit.</summary>
    private static void AssertSameField(string text)
    {
        var line = "x;" + text + ";y";
        if (!NumberParser.TryParseField(line, 2, ';', out var end, out var value, out var single))
        {
            return; // left to the general path
        }

        var field = line.AsSpan(2, end - 2);
        Assert.True(NumberParser.TryParse(field.Trim(), out var expected, out var expectedSingle) && field.Length == field.Trim().Length,
            $"'{text}': read as a field, not a number");
        Assert.True(text.StartsWith(field) && (end == line.Length || line[end] == ';'), $"'{text}': the field ends at {end}");
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value), $"'{text}': double {expected:R} expected, {value:R} found");
        Assert.True(BitConverter.SingleToInt32Bits(expectedSingle) == BitConverter.SingleToInt32Bits(single), $"'{text}': float {expectedSingle:R} expected, {single:R} found");
    }
}
