using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Data.Tests;

public sealed class LabelEncoderTests
{
    private static LabelInfo Encode(string labels, TaskKind? task = null, LabelTransform transform = LabelTransform.None)
    {
        var table = CsvTable.Read(TestPaths.WriteCsv("y\n" + string.Join("\n", labels.Split(' ')) + "\n"));
        return LabelEncoder.Encode(table, 0, task, transform, MissingValueSet.Default);
    }

    [Theory]
    [InlineData("No Yes No Yes", TaskKind.Binary)]
    [InlineData("0 1 1 0", TaskKind.Binary)]
    [InlineData("a b c a", TaskKind.Multiclass)]
    [InlineData("1 2 3 4 5 1", TaskKind.Multiclass)]
    [InlineData("1.5 2.25 3 4 5 1", TaskKind.Regression)]
    public void LabelEncoder_Encode_InfersTheTask(string labels, TaskKind expected)
    {
        Assert.Equal(expected, Encode(labels).Task);
    }

    [Fact]
    public void LabelEncoder_Encode_ManyIntegersAreRegression()
    {
        var labels = string.Join(' ', Enumerable.Range(0, 25));

        Assert.Equal(TaskKind.Regression, Encode(labels).Task);
    }

    [Theory]
    [InlineData("No Yes", "Yes")]
    [InlineData("yes no", "yes")]
    [InlineData("good bad", "good")]
    [InlineData("1 0", "1")]
    [InlineData("TRUE FALSE", "TRUE")]
    [InlineData("t f", "t")]
    public void LabelEncoder_Encode_PicksThePositiveClass(string labels, string positive)
    {
        var label = Encode(labels, TaskKind.Binary);

        Assert.Equal(positive, label.PositiveClass);
        Assert.Equal(positive, label.Classes[1]);
    }

    [Fact]
    public void LabelEncoder_Encode_NumericClassesSortNumerically()
    {
        Assert.Equal(["2", "10", "11"], Encode("10 2 11 2", TaskKind.Multiclass).Classes);
    }

    [Fact]
    public void LabelEncoder_Encode_DropsRowsWithoutLabel()
    {
        var label = Encode("a NA b ? c a", TaskKind.Multiclass);

        Assert.Equal(2, label.DroppedMissing);
        Assert.Equal([0, 2, 4, 5], label.Rows);
        Assert.Equal([0, 1, 2, 0], label.ClassIndex);
    }

    [Fact]
    public void LabelEncoder_Encode_LogTransformTakesNaturalLogs()
    {
        var label = Encode("1 10 100", TaskKind.Regression, LabelTransform.Log);

        Assert.Equal(Math.Log(100), label.Values[2], 5);
    }

    [Fact]
    public void LabelEncoder_Encode_LogOfNonPositiveIsARowError()
    {
        var error = Assert.Throws<DataFileException>(() => Encode("3 0 5", TaskKind.Regression, LabelTransform.Log));

        Assert.Contains(":3: row 2, column 'y': 0 is not positive", error.Message);
    }

    [Fact]
    public void LabelEncoder_Encode_TextInRegressionIsARowError()
    {
        var error = Assert.Throws<DataFileException>(() => Encode("3 4 five", TaskKind.Regression));

        Assert.Contains(":4: row 3, column 'y': 'five' is not a number", error.Message);
    }

    [Fact]
    public void LabelEncoder_Encode_BinaryWithThreeValuesIsAnError()
    {
        var error = Assert.Throws<DataFileException>(() => Encode("a b c", TaskKind.Binary));

        Assert.Contains("binary needs exactly 2 label values", error.Message);
    }
}
