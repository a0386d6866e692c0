using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tests.Preprocessing;

/// <summary>
/// Values from the data become string literals of ML.NET expressions (the categorical fill of <c>impute</c>, the
/// binary class names of the <c>Prediction</c> column). A quoted CSV field may hold a line break, a quote, a
/// backslash or a tab; the literal must reproduce it exactly, when fitted and after the model is saved and loaded
/// (the expression is compiled again from its text on load).
/// </summary>
public sealed class ExpressionTextTests
{
    // a<LF>"b"\<TAB>c: every character Quote escapes.
    private const string Awkward = "a\n\"b\"\\\tc";
    private const string AwkwardField = "\"a\n\"\"b\"\"\\\tc\"";

    [Fact]
    public void CategoricalImpute_MostFrequentValueWithLineBreak_FillsTheExactValueAndReloads()
    {
        var data = Load($"x,c,y\n1,{AwkwardField},p\n2,{AwkwardField},q\n3,z,p\n4,,q\n5,{AwkwardField},p\n6,,q\n");
        var column = TabularDataset.ViewName(data.Schema.Features.Single(c => c.Name == "c"));
        var ml = new MLContext(1);

        var fitted = new CategoricalImputeEstimator(ml, [column], mostFrequent: true).Fit(data.View);
        var reloaded = SaveAndLoad(ml, fitted, data.View.Schema);

        string[] expected = [Awkward, Awkward, "z", Awkward, Awkward, Awkward];
        Assert.Equal(expected, Column(fitted.Transform(data.View), column));
        Assert.Equal(expected, Column(reloaded.Transform(data.View), column));
    }

    [Fact]
    public void PipelineRunner_Run_ClassNamesAndCategoriesWithLineBreaks_PredictTheOriginalText()
    {
        var rows = string.Concat(Enumerable.Range(0, 24).Select(i =>
            $"{i},{(i % 3 == 0 ? "" : i % 2 == 0 ? AwkwardField : "plain")},{(i % 2 == 0 ? AwkwardField : "other")}\n"));
        var path = TestPaths.WriteCsv("x,c,y\n" + rows);
        var spec = TestSpecs.Create(path, "y", ("linear", "lbfgs"));
        spec = spec with { Data = spec.Data with { Task = TaskKind.Binary } };
        spec.Preprocessing.Add(TestSpecs.Step("impute", ("categorical", "most_frequent")));
        var output = Path.Combine(TestPaths.NewTempFolder(), "run");

        new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = output });

        var predictions = Path.Combine(output, "predict.csv");
        using (var writer = new StreamWriter(predictions))
        {
            BatchPredictor.Load(Path.Combine(output, "models", "linear.zip")).Predict(path, writer);
        }

        var predicted = CsvTable.Read(predictions).Columns[1];
        Assert.Equal(24, predicted.Length);
        Assert.All(predicted, p => Assert.Contains(p, new[] { Awkward, "other" }));
        Assert.Contains(Awkward, predicted);
    }

    private static TabularDataset Load(string csv) =>
        DatasetLoader.Load(new PipelineSpec { Data = new DataSpec { Path = TestPaths.WriteCsv(csv), Label = "y", Task = TaskKind.Binary } });

    private static ITransformer SaveAndLoad(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        stream.Position = 0;
        return ml.Model.Load(stream, out _);
    }

    private static string[] Column(IDataView view, string name) =>
        [.. view.GetColumn<ReadOnlyMemory<char>>(name).Select(v => v.ToString())];
}
