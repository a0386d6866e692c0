using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Data.Tests;

public sealed class PositiveClassTests
{
    private static LabelInfo Encode(string labels, string? positive, TaskKind? task = null)
    {
        var table = CsvTable.Read(TestPaths.WriteCsv("y\n" + string.Join("\n", labels.Split(' ')) + "\n"));
        return LabelEncoder.Encode(table, 0, task, LabelTransform.None, MissingValueSet.Default, positive);
    }

    [Theory]
    [InlineData("No Yes No", "No", "Yes")]
    [InlineData("benign malignant benign", "benign", "malignant")]
    [InlineData("1 0 1", "0", "1")]
    public void LabelEncoder_Encode_PositiveClassOverridesTheRule(string labels, string positive, string negative)
    {
        var label = Encode(labels, positive);

        Assert.Equal((positive, negative), (label.PositiveClass, label.NegativeClass));
        Assert.Equal([negative, positive], label.Classes);
        Assert.Equal(label.Original.Select(v => v == positive ? 1 : 0), label.ClassIndex);
    }

    [Fact]
    public void LabelEncoder_Encode_UnknownPositiveClassSuggestsTheClosestValue()
    {
        var e = Assert.Throws<DataFileException>(() => Encode("benign malignant", "malignnt"));

        Assert.Equal("data.positive_class", e.KeyPath);
        Assert.StartsWith("data.positive_class: 'malignnt' is not a value of label 'y'", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("did you mean 'malignant'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelEncoder_Encode_PositiveClassOfAMulticlassLabelIsAnError()
    {
        var e = Assert.Throws<DataFileException>(() => Encode("a b c", "a"));

        Assert.Equal("data.positive_class", e.KeyPath);
        Assert.StartsWith("data.positive_class: applies to binary tasks only, but the task is multiclass", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpecLoader_Parse_PositiveClassWithAWrittenNonBinaryTaskIsAnError()
    {
        using var folder = new SpecFolder();

        var error = folder.Error(SpecFolder.Lines("name: x", "data:", "  path: data.csv", "  label: y", "  task: multiclass", "  positive_class: a", "models: [lbfgs]"));

        Assert.Equal("x.yaml:6:19: data.positive_class: applies only to binary tasks, and this pipeline's task is multiclass", error);
    }
}
