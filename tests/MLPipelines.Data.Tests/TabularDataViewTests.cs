using System.Globalization;

namespace MLPipelines.Data.Tests;

public sealed class TabularDataViewTests
{
    private static readonly float[] X = [10, 11, 12, 13, 14, 15];
    private static readonly string[] Color = ["r", "g", "b", "c", "m", "y"];
    private static readonly uint[] Label = [1, 2, 1, 2, 1, 2];

    private static TabularDataView View() => new(
        [ViewColumn.Floats("x", X), ViewColumn.Texts("color", Color), ViewColumn.Keys("Label", Label, ["no", "yes"])],
        [0, 1, 2, 3, 4, 5]);

    [Fact]
    public void TabularDataView_WithColumnsFrom_EachBlockReadsAsWithColumnFrom()
    {
        // Given three shuffles of rows 1, 3, 4 (two of x, one of color), when stacked in one view,
        // then block b reads cell for cell what WithColumnFrom gives for that shuffle alone.
        var view = View();
        int[] rows = [1, 3, 4];
        (string Name, int[] Sources)[] blocks = [("x", [4, 1, 3]), ("color", [3, 4, 1]), ("x", [1, 3, 4])];

        var stacked = view.WithColumnsFrom(rows, blocks);

        var expected = blocks.SelectMany(b => Cells(view.WithColumnFrom(b.Name, rows, b.Sources))).ToList();
        Assert.Equal(expected, Cells(stacked));
        Assert.Equal(9, stacked.GetRowCount());
        Assert.Equal(["14", "g", "2", "11", "c", "2", "13", "m", "1"], Cells(stacked).Take(9).Select(c => c.Split(':')[1]));
        Assert.Equal(view.Schema["Label"].Annotations.Schema.Count, stacked.Schema["Label"].Annotations.Schema.Count);
    }

    [Fact]
    public void TabularDataView_WithColumnsFrom_RejectsAnUnknownColumnOrSourcesOfAnotherLength()
    {
        var view = View();

        var unknown = Assert.Throws<ArgumentException>(() => view.WithColumnsFrom([0, 1], [("z", [1, 0])]));
        Assert.Contains("'z'", unknown.Message, StringComparison.Ordinal);
        var length = Assert.Throws<ArgumentException>(() => view.WithColumnsFrom([0, 1], [("x", [1, 0]), ("x", [1])]));
        Assert.Contains("Got 1 source rows for 2 rows", length.Message, StringComparison.Ordinal);
    }

    /// <summary>Every cell as "column:value", row by row.</summary>
    private static List<string> Cells(TabularDataView view)
    {
        var cells = new List<string>();
        using var cursor = view.GetRowCursor(view.Schema);
        var x = cursor.GetGetter<float>(view.Schema["x"]);
        var color = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["color"]);
        var label = cursor.GetGetter<uint>(view.Schema["Label"]);
        float xv = 0;
        ReadOnlyMemory<char> colorValue = default;
        uint labelValue = 0;
        while (cursor.MoveNext())
        {
            x(ref xv);
            color(ref colorValue);
            label(ref labelValue);
            cells.Add(string.Create(CultureInfo.InvariantCulture, $"x:{xv}"));
            cells.Add($"color:{colorValue}");
            cells.Add(string.Create(CultureInfo.InvariantCulture, $"Label:{labelValue}"));
        }

        return cells;
    }
}
