using MLPipelines.Results.Csv;

namespace MLPipelines.Data.Tests;

public sealed class SchemaInferrerTests
{
    private static DataSchema Infer(string csv, SchemaOverrides? overrides = null) =>
        SchemaInferrer.Infer(CsvTable.Read(TestPaths.WriteCsv(csv)), overrides ?? new SchemaOverrides(), MissingValueSet.Default);

    private static string Rows(int n, Func<int, string> row) =>
        string.Concat(Enumerable.Range(0, n).Select(i => row(i) + "\n"));

    [Fact]
    public void SchemaInferrer_Infer_RecognizesEachKind()
    {
        var csv = "num,cat,flag,yesno,id,const,empty,text\n" + Rows(30, i =>
            $"{i * 1.5},{(i % 3 == 0 ? "red" : "blue")},{i % 2},{(i % 2 == 0 ? "Yes" : "No")},{1000 + i},k,,comment number {i}");

        var schema = Infer(csv);

        Assert.Equal(ColumnKind.Numeric, schema["num"].Kind);
        Assert.Equal(ColumnKind.Categorical, schema["cat"].Kind);
        Assert.Equal(ColumnKind.Boolean, schema["flag"].Kind);
        Assert.True(schema["flag"].IsNumberInFile);
        Assert.Equal(ColumnKind.Boolean, schema["yesno"].Kind);
        Assert.Equal("yes", schema["yesno"].TrueToken);
        Assert.Equal(ColumnKind.Text, schema["id"].Kind);
        Assert.Equal(ColumnKind.Constant, schema["const"].Kind);
        Assert.Equal(ColumnKind.Constant, schema["empty"].Kind);
        Assert.Equal(ColumnKind.Text, schema["text"].Kind);
        Assert.Equal(["num", "cat", "flag", "yesno"], schema.Features.Select(c => c.Name));
    }

    [Fact]
    public void SchemaInferrer_Infer_MissingTokensAreCountedAndDoNotBreakNumbers()
    {
        var schema = Infer("x,y\n1,a\nNA,b\n?,a\n,b\n2.5,a\n");

        Assert.Equal(ColumnKind.Numeric, schema["x"].Kind);
        Assert.Equal(3, schema["x"].Missing);
        Assert.Equal((1, 1.75, 2.5), schema["x"].Range);
    }

    [Fact]
    public void SchemaInferrer_Infer_NumericOverrideReportsTheBadCellByRowAndColumn()
    {
        var path = TestPaths.WriteCsv("age,y\n31,a\n42,b\nabc,a\n");

        var error = Assert.Throws<DataFileException>(() => SchemaInferrer.Infer(CsvTable.Read(path),
            new SchemaOverrides { Numeric = ["age"] }, MissingValueSet.Default));

        Assert.StartsWith($"{path}:4: row 3, column 'age': 'abc' is not a number", error.Message);
    }

    [Fact]
    public void SchemaInferrer_Infer_OverridesWin()
    {
        var schema = Infer("code,score,drop\n1,0.5,x\n2,0.7,y\n3,0.1,x\n",
            new SchemaOverrides { Categorical = ["code"], Ignore = ["drop"] });

        Assert.Equal(ColumnKind.Categorical, schema["code"].Kind);
        Assert.False(schema["code"].IsNumberInFile);
        Assert.Equal(ColumnKind.Ignored, schema["drop"].Kind);
    }

    [Fact]
    public void SchemaInferrer_Infer_MostlyNumericTextColumnWarns()
    {
        var schema = Infer("x,y\n" + Rows(40, i => (i == 7 ? "oops" : (i * 3).ToString(System.Globalization.CultureInfo.InvariantCulture)) + ",a"));

        Assert.NotEqual(ColumnKind.Numeric, schema["x"].Kind);
        Assert.Contains(schema.Warnings, w => w.Contains("column 'x' looks numeric", StringComparison.Ordinal) && w.Contains("row 8: 'oops'", StringComparison.Ordinal));
    }

    [Fact]
    public void SchemaInferrer_Infer_PenguinsHasNumericCategoricalAndMissing()
    {
        var schema = SchemaInferrer.Infer(CsvTable.Read(TestPaths.Dataset("penguins.csv")),
            new SchemaOverrides { Label = "species" }, MissingValueSet.Default);

        Assert.Equal(ColumnKind.Label, schema["species"].Kind);
        Assert.Equal(ColumnKind.Categorical, schema["island"].Kind);
        Assert.Equal(ColumnKind.Numeric, schema["bill_length_mm"].Kind);
        Assert.Equal(2, schema["bill_length_mm"].Missing);
        Assert.Equal(ColumnKind.Categorical, schema["sex"].Kind);
    }
}
