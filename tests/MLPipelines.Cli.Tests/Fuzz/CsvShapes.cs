using System.Text;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>Whole-file reshapes of a CSV table that character mutations rarely reach.</summary>
internal static class CsvShapes
{
    public static readonly string[] Values =
    [
        "NaN", "nan", "inf", "-inf", "Infinity", "1e309", "-1e309", "1e-320", "-0", "0x10", "1,5", "\"", "\"\"", "\"a\"b\"",
        "\"multi\nline\"", ",", ";", "\t", "|", "", " ", "NA", "?", "yes", "TRUE", "😀", "\0", "\r", "a\rb",
        new string('9', 400), "-" + new string('9', 40), "1.7976931348623157e308", "3.4028236e38", "1e38",
    ];

    public static readonly string[] Lines =
    [
        ",,,,,", "a,b", "x,count,colour,flag,code,label", "\"unclosed,1,2,3,4,a", "1,2,3,4,5,6,7,8,9", "", " ", "\"\"",
        "1;2;3;4;5;a", "1\t2\t3\t4\t5\ta", "NaN,NaN,NaN,NaN,NaN,NaN", "inf,-inf,red,yes,100,a", "1e400,1,red,yes,100,b",
        "0,0,red,yes,100,", ",,,,,c",
    ];

    public static string Apply(string csv, int pick)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        return (pick % 24) switch
        {
            0 => string.Join('\n', lines.Select(l => l.Split(',')[0])) + "\n",
            1 => lines[0] + "\n",
            2 => "",
            3 => lines[0] + "\n" + string.Concat(Enumerable.Repeat(string.Join('\n', lines.Skip(1)) + "\n", 250)),
            4 => Wide(columns: 300, rows: 30),
            5 => lines[0] + "\n" + new string('7', 5 << 20) + ",1,red,yes,100,a\n" + string.Join('\n', lines.Skip(1)),
            6 => csv.Replace("red", "\"r\ne\nd\"", StringComparison.Ordinal),
            7 => csv.Replace(',', ';'),
            8 => csv.Replace(',', '\t'),
            9 => Wide(columns: 2_500, rows: 2),
            10 => string.Join('\n', lines.Take(3)) + "\n",
            11 => csv.Replace("\n", "\r\n", StringComparison.Ordinal),
            _ => csv,
        };
    }

    private static string Wide(int columns, int rows)
    {
        var text = new StringBuilder(string.Join(',', Enumerable.Range(0, columns).Select(i => $"c{i}")) + ",label\n");
        for (var r = 0; r < rows; r++)
        {
            text.Append(string.Join(',', Enumerable.Range(0, columns).Select(c => ((r * 7) + c) % 11)));
            text.Append(r % 2 == 0 ? ",a\n" : ",b\n");
        }

        return text.ToString();
    }
}
