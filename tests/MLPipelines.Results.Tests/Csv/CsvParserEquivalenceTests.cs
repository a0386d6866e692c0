using System.Text;
using MLPipelines.Results.Csv;

namespace MLPipelines.Results.Tests.Csv;

/// <summary>
/// The buffered reader against the character-by-character one it replaced (<see cref="ReferenceCsvParser"/>): the
/// same separator, header, fields and lines for every text, or the same error message.
/// </summary>
public sealed class CsvParserEquivalenceTests
{
    public static TheoryData<string> EdgeCases => new()
    {
        "a,b\n1,2\n",
        "a,b\r\n1,2\r\n3,4",
        "a,b\r1,2\r3,4\n",
        "a,b\n1,2\r\n\r\n\n3,4\n",
        "a,b\n1\r,2\n",
        "a,b\n,\n,,\n",
        "a,b\n1,2\n3\n",
        "a,b,c\n1,2,3\n\n4,5\n",
        "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",z\n",
        "a,b\n\"open,2\n",
        "a,b\n1,\"q\"x\n",
        "a,b\nab\"c,d\n",
        "a,b\n\r\"q\",2\n",
        "\"x,y\";b\n1;2\n",
        "\"h\r\nx\",b\n1,2\n",
        "a\tb\n1\t2\n",
        " a , ,a \n1,2,3\n",
        "a,a\n1,2\n",
        "a,b\n",
        "a,b",
        "",
        "\n",
        "\r\n1\n",
        "a\n\n\n",
        "a|b;c\n1|2;3\n",
        "é,ü\n1,2\n",
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void CsvParser_Parse_EdgeCasesGiveTheReferenceTableOrError(string text)
    {
        foreach (var separator in new char?[] { null, ',' })
        {
            foreach (var buffer in new[] { 1, 3, 1 << 16 })
            {
                AssertSame(text, separator, buffer);
            }
        }
    }

    [Fact]
    public void CsvParser_Parse_RandomTextsGiveTheReferenceTableOrError()
    {
        // Given texts drawn from the characters that matter to the parser (seeded), read with tiny and normal buffers
        const string alphabet = "ab1 .,,,;\t\"\"\r\n\n\n";
        var random = new Random(14);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 120);
            for (var k = 0; k < length; k++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            // Then each reads the same table, or fails with the same message
            AssertSame(text.ToString(), random.Next(3) == 0 ? ',' : null, random.Next(2) == 0 ? random.Next(1, 9) : 1 << 16);
        }
    }

    [Fact]
    public void CsvRecordStream_MoveNext_RandomFilesGiveTheTableRowsOrItsError()
    {
        // Given seeded random files, each read whole and streamed record by record
        const string alphabet = "ab1 .,,,;\t\"\"\r\n\n\n";
        var random = new Random(15);
        var folder = TestPaths.NewTempFolder();
        for (var i = 0; i < 400; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 120);
            for (var k = 0; k < length; k++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var path = Path.Combine(folder, $"t{i}.csv");
            File.WriteAllText(path, text.ToString());
            CsvTable? table = null;
            string? tableError = null, streamError = null;
            try
            {
                table = CsvTable.Read(path);
            }
            catch (DataFileException e)
            {
                tableError = e.Message;
            }

            // Then the stream gives the same rows, lines and fields, or fails with the same message
            var rows = new List<(int Line, string[] Fields)>();
            try
            {
                using var stream = CsvRecordStream.Open(path);
                while (stream.MoveNext())
                {
                    var fields = new string[stream.Header.Count];
                    for (var c = 0; c < fields.Length; c++)
                    {
                        fields[c] = stream[c].ToString();
                    }

                    rows.Add((stream.Line, fields));
                    Assert.Equal(rows.Count, stream.Row);
                }

                if (rows.Count == 0)
                {
                    streamError = $"{path}: file has a header but no data rows"; // the table's check, not the stream's
                }
            }
            catch (DataFileException e)
            {
                streamError = e.Message;
            }

            Assert.True(tableError == streamError, $"{Show(text.ToString())}: table error {tableError}, stream error {streamError}");
            if (table is not null)
            {
                Assert.Equal(table.Lines, rows.Select(r => r.Line));
                for (var c = 0; c < table.Header.Count; c++)
                {
                    Assert.Equal(table.Columns[c], rows.Select(r => r.Fields[c]));
                }
            }
        }
    }

    [Fact]
    public void CsvParser_Parse_RowsWiderThanTheColumnLimitFailAsBefore()
    {
        var header = string.Join(",", Enumerable.Range(0, 3).Select(i => $"c{i}"));
        var wide = string.Join(",", Enumerable.Repeat("1", DataLimits.MaxColumns + 1));
        var wider = string.Join(",", Enumerable.Repeat("1", DataLimits.MaxColumns + 2));

        AssertSame($"{header}\n{wide}\n", null, 1 << 16);
        AssertSame($"{header}\n{wider}\n", null, 1 << 16);
        AssertSame($"{header}\n1,2,3\n{wider}\n", ',', 1 << 16);
    }

    [Fact]
    public void CsvParser_Parse_LongRecordsFailAsBefore()
    {
        // A plain line longer than the fast path looks at, and one over the record limit
        var longField = new string('x', CsvCharSource.MaxPeekChars + 10);
        var tooLong = new string('y', DataLimits.MaxRecordChars + 1);

        AssertSame($"a,b\n{longField},1\n2,3\n", null, 1 << 16);
        AssertSame($"a,b\n1,{tooLong}\n", null, 1 << 16);
        AssertSame($"a,b\n1,\"{tooLong}\"\n", ',', 1 << 16);
    }

    [Fact]
    public void CsvParser_Read_ByteOrderMarkAndCrLfFileGivesTheReferenceTable()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "bom.csv");
        File.WriteAllText(path, "id,\"name\",x\r\n1,\"a\"\"b\",2.5\r\n2,,NA\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var expected = ReferenceCsvParser.Read(path, null);
        var actual = CsvTable.Read(path);

        AssertEqual(expected, actual);
        Assert.Equal(ReferenceCsvParser.ReadHeader(path, null), CsvTable.ReadHeader(path));
        Assert.Equal("id", actual.Header[0]);
    }

    [Fact]
    public void CsvParser_Read_EveryExampleDatasetGivesTheReferenceTable()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "datasets"), "*.csv", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            AssertEqual(ReferenceCsvParser.Read(path, null), CsvTable.Read(path));
        }
    }

    [Fact]
    public void CsvParser_Parse_RepeatedValuesShareOneStringAndKeepTheirText()
    {
        var text = "c,x\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"{(i % 2 == 0 ? "yes" : "no")},{i}\n"));

        var table = CsvTable.Parse(new StringReader(text), "t");

        Assert.Same(table.Columns[0][0], table.Columns[0][2]);
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), table.Columns[1]);
        AssertEqual(ReferenceCsvParser.Parse(new StringReader(text), "t", null), table);
    }

    private static void AssertSame(string text, char? separator, int buffer)
    {
        CsvTable? expected = null, actual = null;
        string? expectedError = null, actualError = null;
        try
        {
            expected = ReferenceCsvParser.Parse(new StringReader(text), "t.csv", separator);
        }
        catch (DataFileException e)
        {
            expectedError = e.Message;
        }

        try
        {
            actual = CsvParser.Parse(new StringReader(text), "t.csv", separator, buffer);
        }
        catch (DataFileException e)
        {
            actualError = e.Message;
        }

        Assert.True(expectedError == actualError, $"text {Show(text)}, separator {separator}, buffer {buffer}: expected error {expectedError}, got {actualError}");
        if (expected is not null)
        {
            AssertEqual(expected, actual!);
        }
    }

    private static void AssertEqual(CsvTable expected, CsvTable actual)
    {
        Assert.Equal(expected.Separator, actual.Separator);
        Assert.Equal(expected.Header, actual.Header);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Columns.Length, actual.Columns.Length);
        for (var c = 0; c < expected.Columns.Length; c++)
        {
            Assert.Equal(expected.Columns[c], actual.Columns[c]);
        }
    }

    private static string Show(string text) => text.Length > 80 ? $"({text.Length} chars)" : text.Replace("\r", "\\r").Replace("\n", "\\n");
}
