using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;

namespace MLPipelines.Core.Tests.Runs;

/// <summary>
/// The <c>models/NAME.onnx</c> files of real runs: iris (numeric columns, no preprocessing: ML.NET's converter exports
/// every step), iris with missing cells and numeric imputation (ML.NET's missing-value replacer, exported as an ONNX
/// Imputer) and penguins (categorical imputation is an expression transform, which it cannot export: named instead).
/// </summary>
public sealed class OnnxModelFileTests(OnnxModelFileTests.IrisRun run, OnnxModelFileTests.IrisWithGapsRun gaps, ModelPackageTests.PenguinRun penguins)
    : IClassFixture<OnnxModelFileTests.IrisRun>, IClassFixture<OnnxModelFileTests.IrisWithGapsRun>, IClassFixture<ModelPackageTests.PenguinRun>
{
    [Theory]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    [InlineData("fastforest")]
    public void OnnxFile_ScoredByOnnxRuntime_MatchesMlNetWithin1e5(string model) =>
        AssertOnnxMatchesMlNet(run.Directory, model, TestPaths.Dataset("iris.csv"));

    [Theory]
    [InlineData("median")]
    [InlineData("most_frequent")]
    public void OnnxFile_OfNumericImputation_FillsMissingCellsAsMlNetDoes(string model)
    {
        Assert.Equal($"models/{model}.onnx", ResultsJson.Read(Path.Combine(gaps.Directory, "results.json")).Models.Single(m => m.Name == model).OnnxFile);
        AssertOnnxMatchesMlNet(gaps.Directory, model, gaps.Csv);
    }

    private static void AssertOnnxMatchesMlNet(string directory, string model, string csv)
    {
        // Given the run's zip and the ONNX file written beside it
        var onnx = Path.Combine(directory, "models", model + ".onnx");
        Assert.True(File.Exists(onnx), onnx);
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.LoadWithDataLoader(Path.Combine(directory, "models", model + ".zip"), out var loader);
        var raw = loader.Load(csv);
        var expected = transformer.Transform(raw).GetColumn<float[]>("Score").ToArray();

        // When ONNX Runtime scores every row from the same raw columns
        using var session = new InferenceSession(onnx);
        var columns = session.InputMetadata.ToDictionary(m => m.Key, m => Column(raw, m.Key, m.Value.ElementType));
        var scoreOutput = session.OutputMetadata.Keys.First(name => name.StartsWith("Score", StringComparison.Ordinal));
        for (var row = 0; row < expected.Length; row++)
        {
            var inputs = columns.Select(c => c.Value(row)).ToList();
            using var results = session.Run(inputs, [scoreOutput]);
            var actual = results[0].AsEnumerable<float>().ToArray();

            // Then every class score matches ML.NET's within 1e-5
            Assert.Equal(expected[row].Length, actual.Length);
            for (var k = 0; k < actual.Length; k++)
            {
                Assert.True(Math.Abs(expected[row][k] - actual[k]) <= 1e-5, $"{model} row {row} class {k}: ML.NET {expected[row][k]}, ONNX Runtime {actual[k]}");
            }
        }
    }

    [Fact]
    public void PipelineRunner_Run_RecordsTheOnnxFileOfEveryModel()
    {
        var results = ResultsJson.Read(Path.Combine(run.Directory, "results.json"));

        Assert.All(results.Models, m =>
        {
            Assert.Equal($"models/{m.Name}.onnx", m.OnnxFile);
            Assert.Null(m.OnnxProblem);
        });
    }

    [Fact]
    public void PipelineRunner_Run_NamesTheStepThatCannotBeExported()
    {
        var results = ResultsJson.Read(Path.Combine(penguins.Directory, "results.json"));

        Assert.All(results.Models, m =>
        {
            Assert.Null(m.OnnxFile);
            Assert.Contains("expression transform", m.OnnxProblem, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(penguins.Directory, "models", m.Name + ".onnx")));
        });
    }

    /// <summary>
    /// Row <c>i</c> of a raw column as a [1, 1] tensor named like the ONNX input; the label (an input of the graph, as
    /// it is of the ML.NET model, not used for scores) is fed as missing.
    /// </summary>
    private static Func<int, NamedOnnxValue> Column(IDataView raw, string name, Type elementType)
    {
        if (raw.Schema.GetColumnOrNull(name) is not { } column)
        {
            return elementType == typeof(string) ? _ => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(new[] { "" }, [1, 1]))
                : elementType == typeof(uint) ? _ => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<uint>(new[] { 0u }, [1, 1]))
                : _ => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(new[] { float.NaN }, [1, 1]));
        }

        if (column.Type is TextDataViewType)
        {
            var values = raw.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString()).ToArray();
            return i => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(new[] { values[i] }, [1, 1]));
        }

        var numbers = raw.GetColumn<float>(column).ToArray();
        return i => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(new[] { numbers[i] }, [1, 1]));
    }

    /// <summary>Iris with LightGBM, FastTree and FastForest and no preprocessing, run once for the tests of this class.</summary>
    public sealed class IrisRun
    {
        public IrisRun()
        {
            var spec = TestSpecs.Create(TestPaths.Dataset("iris.csv"), "target", ("lightgbm", "lightgbm"), ("fasttree", "fasttree"),
                ("fastforest", "fastforest"));
            spec.Models[0].Options["iterations"] = 20L;
            Directory = Path.Combine(TestPaths.NewTempFolder(), "iris");
            new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new MLPipelines.Core.Runs.RunOptions { OutputDirectory = Directory });
        }

        public string Directory { get; }
    }

    /// <summary>
    /// Iris with every fifth cell of each numeric column empty, linear models after numeric imputation (median, most
    /// frequent); multiclass, so no step of the model is an expression.
    /// </summary>
    public sealed class IrisWithGapsRun
    {
        public IrisWithGapsRun()
        {
            var lines = File.ReadAllLines(TestPaths.Dataset("iris.csv"));
            var gapped = lines.Skip(1).Select((line, row) =>
                string.Join(',', line.Split(',').Select((cell, column) => column < 4 && (row + column) % 5 == 0 ? "" : cell)));
            Csv = TestPaths.WriteCsv(string.Join('\n', gapped.Prepend(lines[0])) + "\n");
            var spec = TestSpecs.Create(Csv, "target", ("median", "lbfgs"), ("most_frequent", "lbfgs"));
            spec.Models[0].Preprocessing = [TestSpecs.Step("impute", ("numeric", "median"))];
            spec.Models[1].Preprocessing = [TestSpecs.Step("impute", ("numeric", "most_frequent"))];
            Directory = Path.Combine(TestPaths.NewTempFolder(), "iris-gaps");
            new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new MLPipelines.Core.Runs.RunOptions { OutputDirectory = Directory });
        }

        public string Csv { get; }

        public string Directory { get; }
    }
}
