using MLPipelines.Results.Csv;

namespace MLPipelines.Results.Tests.Csv;

public sealed class CsvTableTests
{
    [Fact]
    public void CsvTable_Read_QuotedFieldsKeepSeparatorsQuotesAndLineBreaks()
    {
        var path = TestPaths.WriteCsv("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\r\n");

        var table = CsvTable.Read(path);

        Assert.Equal(["a", "b", "c"], table.Header);
        Assert.Equal(2, table.RowCount);
        Assert.Equal("x, y", table.Columns[1][0]);
        Assert.Equal("say \"hi\"", table.Columns[2][0]);
        Assert.Equal("two\nlines", table.Columns[1][1]);
        Assert.Equal([2, 3], table.Lines);
    }

    [Theory]
    [InlineData("a\tb\n1\t2\n", '\t')]
    [InlineData("a;b\n1,5;2\n", ';')]
    [InlineData("\"x,y\";b\n1;2\n", ';')]
    [InlineData("a,b\n1,2\n", ',')]
    public void CsvTable_Read_DetectsTheSeparatorFromTheHeader(string content, char expected)
    {
        var table = CsvTable.Read(TestPaths.WriteCsv(content));

        Assert.Equal(expected, table.Separator);
        Assert.Equal(2, table.Header.Count);
    }

    [Fact]
    public void CsvTable_Read_RaggedRowNamesLineAndRow()
    {
        var path = TestPaths.WriteCsv("a,b,c\n1,2,3\n\n4,5\n");

        var error = Assert.Throws<DataFileException>(() => CsvTable.Read(path));

        Assert.Contains($"{path}:4: row 2: too few fields: 2, but the header has 3", error.Message);
    }

    [Fact]
    public void CsvTable_Read_EmptyFileIsAnError()
    {
        var path = TestPaths.WriteCsv("");

        var error = Assert.Throws<DataFileException>(() => CsvTable.Read(path));

        Assert.Contains("file is empty", error.Message);
    }

    [Fact]
    public void CsvTable_Read_HeaderWithoutRowsIsAnError()
    {
        var error = Assert.Throws<DataFileException>(() => CsvTable.Read(TestPaths.WriteCsv("a,b\n")));

        Assert.Contains("no data rows", error.Message);
    }

    [Fact]
    public void CsvTable_Read_UnclosedQuoteIsAnError()
    {
        var error = Assert.Throws<DataFileException>(() => CsvTable.Read(TestPaths.WriteCsv("a,b\n1,\"open\n")));

        Assert.Contains("line 2: a quoted field is not closed", error.Message);
    }

    [Fact]
    public void CsvTable_Read_DuplicateHeaderNameIsAnError()
    {
        var error = Assert.Throws<DataFileException>(() => CsvTable.Read(TestPaths.WriteCsv("a,a\n1,2\n")));

        Assert.Contains("'a' appears more than once", error.Message);
    }

    [Fact]
    public void CsvTable_Read_MissingFileIsAnError()
    {
        var error = Assert.Throws<DataFileException>(() => CsvTable.Read("/nonexistent/x.csv"));

        Assert.Equal("/nonexistent/x.csv: file not found", error.Message);
    }

    [Fact]
    public void CsvTable_Read_ByteOrderMarkIsNotPartOfTheFirstName()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "bom.csv");
        File.WriteAllText(path, "x,y\n1,2\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("x", CsvTable.Read(path).Header[0]);
    }
}
