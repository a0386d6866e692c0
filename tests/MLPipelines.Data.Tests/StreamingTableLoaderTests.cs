using System.Globalization;
using System.Text;
using MLPipelines.Results.Csv;

namespace MLPipelines.Data.Tests;

public sealed class StreamingTableLoaderTests
{
    private static readonly MissingValueSet Missing = new(["", "NA", "?"]);

    private static SchemaOverrides Overrides => new() { Label = "y", Ignore = ["skip"] };

    /// <summary>Numbers with gaps and NA, a padded categorical, yes/no, 0/1, an ignored column, a binary label; seeded.</summary>
    private static string Table(int rows, Func<int, Random, string>? extra = null, int seed = 7)
    {
        var random = new Random(seed);
        var text = new StringBuilder("a,b,cat,yesno,flag,skip,y" + (extra is null ? "" : ",z") + "\r\n");
        for (var i = 0; i < rows; i++)
        {
            var a = random.Next(50) == 0 ? "" : (random.NextDouble() * 20 - 10).ToString("F3", CultureInfo.InvariantCulture);
            var b = random.Next(40) == 0 ? "NA" : random.Next(-5, 900).ToString(CultureInfo.InvariantCulture) + ".5";
            var cat = random.Next(30) == 0 ? "" : (random.Next(3) == 0 ? " k" : "k") + random.Next(12);
            var yesno = random.Next(2) == 0 ? "Yes" : "no";
            var flag = random.Next(2).ToString(CultureInfo.InvariantCulture);
            var skip = random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
            var y = random.Next(3) == 0 ? "good" : "bad";
            text.Append(CultureInfo.InvariantCulture, $"{a},{b},\"{cat}\",{yesno},{flag},{skip},{y}");
            text.Append(extra is null ? "\n" : "," + extra(i, random) + "\n");
        }

        return text.ToString();
    }

    [Fact]
    public void StreamingTableLoader_TryLoad_GivesTheWholeFileSchemaTextsAndNumbers()
    {
        // Given a table of 3,000 rows whose schema is first inferred from 500
        var path = TestPaths.WriteCsv(Table(3000));
        var whole = CsvTable.Read(path);
        var expected = SchemaInferrer.Infer(whole, Overrides, Missing);

        // When it is streamed (every distinct text counted)
        var (table, schema, numbers) = StreamingTableLoader.TryLoad(path, null, Overrides, Missing, sampleRows: 500, maxCountedTexts: 1_000_000)!.Value;

        // Then every column, warning, kept text and parsed number is the whole-file reader's
        Assert.Equal(expected.Warnings, schema.Warnings);
        Assert.Equal(expected.Columns.Count, schema.Columns.Count);
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            AssertSameColumn(expected.Columns[c], schema.Columns[c]);
        }

        Assert.Equal(whole.Lines, table.Lines);
        Assert.Equal(whole.Columns[table.IndexOf("cat")], table.Columns[table.IndexOf("cat")]);
        Assert.Equal(whole.Columns[table.IndexOf("y")], table.Columns[table.IndexOf("y")]);
        Assert.Empty(table.Columns[table.IndexOf("skip")]);
        foreach (var name in new[] { "a", "b", "flag" })
        {
            var c = whole.IndexOf(name);
            Assert.Equal(whole.Columns[c].Select(v => TabularDataset.ParseNumber(v, Missing)), numbers[c]);
        }

        var label = LabelEncoder.Encode(table, table.IndexOf("y"), null, Spec.LabelTransform.None, Missing);
        Assert.Equal(LabelEncoder.Encode(whole, whole.IndexOf("y"), null, Spec.LabelTransform.None, Missing).ClassIndex, label.ClassIndex);
    }

    [Fact]
    public void StreamingTableLoader_TryLoad_CountsManyDistinctNumbersByTheirValues()
    {
        var path = TestPaths.WriteCsv(Table(3000));
        var expected = SchemaInferrer.Infer(CsvTable.Read(path), Overrides, Missing);

        var (_, schema, _) = StreamingTableLoader.TryLoad(path, null, Overrides, Missing, sampleRows: 500, maxCountedTexts: 100)!.Value;

        // "a" has ~2,900 distinct texts, each a distinct float: the count is exact, the kind unchanged
        Assert.Equal(expected["a"].Distinct, schema["a"].Distinct);
        Assert.Equal(expected["a"].Kind, schema["a"].Kind);
        Assert.Equal(expected["a"].Range, schema["a"].Range);
        Assert.Equal(expected["cat"].Top, schema["cat"].Top);
    }

    [Fact]
    public void StreamingTableLoader_TryLoad_GivesTheMostFrequentValuesOfManyDistinctNumbers()
    {
        // Given a column of fractions, mostly distinct, with 1.5 fifty times and 2.25 and -3.75 forty times each
        var path = TestPaths.WriteCsv(Table(3000, (i, r) => (i % 60, i % 75) switch
        {
            (0, _) => "1.5",
            (_, 1) => "2.25",
            (_, 2) => "-3.75",
            _ => (r.NextDouble() * 1000).ToString("F4", CultureInfo.InvariantCulture),
        }));
        var expected = SchemaInferrer.Infer(CsvTable.Read(path), Overrides, Missing);

        // When it is streamed with fewer texts counted than the column has
        var (_, schema, _) = StreamingTableLoader.TryLoad(path, null, Overrides, Missing, sampleRows: 500, maxCountedTexts: 100)!.Value;

        // Then its distinct count and leading values are the whole file's
        Assert.Equal(expected["z"].Distinct, schema["z"].Distinct);
        Assert.Equal([("1.5", 50), ("-3.75", 40), ("2.25", 40)], schema["z"].Top.Take(3));
        Assert.Equal(expected["z"].Top.Take(3), schema["z"].Top.Take(3));
        Assert.Equal(ColumnKind.Numeric, schema["z"].Kind);
    }

    [Fact]
    public void StreamingTableLoader_TryLoad_ReadsEverySpellingOfColumnsPastCountingAsTheWholeFileReader()
    {
        // Given number columns with many distinct values, written every way a number or a gap can be (padded,
        // signed, exponents, bare points, empty, NA, and -999 and 0.5 declared as missing tokens), some rows quoted
        var missing = new MissingValueSet(["", "NA", "-999", "0.5"]);
        var spellings = new Func<Random, string>[]
        {
            r => (r.NextDouble() * 100 - 50).ToString("F3", CultureInfo.InvariantCulture),
            r => " " + r.Next(1000).ToString(CultureInfo.InvariantCulture) + ".25 ",
            r => "+" + r.Next(1000).ToString(CultureInfo.InvariantCulture) + ".5",
            r => (r.NextDouble() * 1e6).ToString("E4", CultureInfo.InvariantCulture),
            r => "." + r.Next(1000).ToString(CultureInfo.InvariantCulture),
            r => r.Next(1000).ToString(CultureInfo.InvariantCulture) + ".",
            _ => "-0",
            _ => "",
            _ => "NA",
            _ => "-999",
            _ => "0.5",
            r => "-" + r.Next(10).ToString(CultureInfo.InvariantCulture) + ".75",
            r => "12345678901234567890." + r.Next(10).ToString(CultureInfo.InvariantCulture),
        };
        var path = TestPaths.WriteCsv(Table(3000, (i, r) => i % 97 == 0 ? $"\"{spellings[0](r)}\"" : spellings[r.Next(spellings.Length)](r)));
        var whole = CsvTable.Read(path);
        var expected = SchemaInferrer.Infer(whole, Overrides, missing);

        // When it is streamed with few texts counted (every number column is read by the fused path)
        var (_, schema, numbers) = StreamingTableLoader.TryLoad(path, null, Overrides, missing, sampleRows: 500, maxCountedTexts: 20)!.Value;

        // Then the schema (but the distinct counts and top values, counted on floats) and every float are the whole file's
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            Assert.Equal(expected.Columns[c] with { Distinct = 0, Top = [] }, schema.Columns[c] with { Distinct = 0, Top = [] });
        }

        foreach (var name in new[] { "a", "b", "z" })
        {
            var c = whole.IndexOf(name);
            Assert.Equal(whole.Columns[c].Select(v => TabularDataset.ParseNumber(v, missing)), numbers[c]);
        }
    }

    [Theory]
    [InlineData("late text")] // a column of fractions that meets text after the sample stopped counting it
    [InlineData("text")]     // a number column that meets text after the sample
    [InlineData("kind")]     // two values in the sample (0/1), more later
    [InlineData("ragged")]   // an error after the sample
    [InlineData("small")]    // no more rows than the sample
    public void StreamingTableLoader_TryLoad_LeavesItToTheWholeFileReaderWhenTheSampleCouldMislead(string what)
    {
        var text = what switch
        {
            "late text" => Table(3000, (i, r) => i == 450 ? "n/a" : (r.NextDouble() * 1000).ToString("F4", CultureInfo.InvariantCulture)),
            "text" => Table(3000, (i, r) => i < 2000 ? r.Next(100).ToString(CultureInfo.InvariantCulture) + ".25" : "n/a"),
            "kind" => Table(3000, (i, r) => i < 2000 ? (i % 2).ToString(CultureInfo.InvariantCulture) : "7"),
            "ragged" => Table(3000) + "1,2\n",
            _ => Table(400),
        };

        Assert.Null(StreamingTableLoader.TryLoad(TestPaths.WriteCsv(text), null, Overrides, Missing, sampleRows: 500, maxCountedTexts: 100));
    }

    private static void AssertSameColumn(ColumnInfo expected, ColumnInfo actual)
    {
        Assert.Equal(expected with { Top = [] }, actual with { Top = [] });
        Assert.Equal(expected.Top, actual.Top);
    }
}
