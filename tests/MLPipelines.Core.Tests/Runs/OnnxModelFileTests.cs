using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Tests.Preprocessing;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Tests.Shared;
using Xunit.Abstractions;

namespace MLPipelines.Core.Tests.Runs;

/// <summary>
/// The <c>models/NAME.onnx</c> files of real runs: iris (numeric columns, no preprocessing: ML.NET's converter exports
/// every step), iris with missing cells and numeric imputation (ML.NET's missing-value replacer, exported as an ONNX
/// Imputer), penguins (multiclass; categorical imputation is an expression, written as ONNX nodes), a telco sample
/// (missing tokens, boolean text, indicators: expressions too), a binary breast cancer sample (the Prediction column's
/// class text is added to the graph) and a log-price diamonds sample (exp).
/// </summary>
public sealed class OnnxModelFileTests(
    OnnxModelFileTests.IrisRun run, OnnxModelFileTests.IrisWithGapsRun gaps, ModelPackageTests.PenguinRun penguins,
    OnnxModelFileTests.BinaryRun binary, OnnxModelFileTests.DiamondsRun diamonds, OnnxModelFileTests.TelcoRun telco, ITestOutputHelper output)
    : IClassFixture<OnnxModelFileTests.IrisRun>, IClassFixture<OnnxModelFileTests.IrisWithGapsRun>, IClassFixture<ModelPackageTests.PenguinRun>,
      IClassFixture<OnnxModelFileTests.BinaryRun>, IClassFixture<OnnxModelFileTests.DiamondsRun>, IClassFixture<OnnxModelFileTests.TelcoRun>
{
    [Theory]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    [InlineData("sdca")]
    public void OnnxFile_OfTableWithTextTokensBooleansAndImputation_MatchesMlNetWithin1e5(string model)
    {
        var results = ResultsJson.Read(Path.Combine(telco.Directory, "results.json")).Models.Single(m => m.Name == model);
        Assert.True(results.OnnxFile == $"models/{model}.onnx", results.OnnxProblem);
        AssertOnnxMatchesMlNet(telco.Directory, model, telco.Csv);
    }

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

    [Theory]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    [InlineData("sdca")]
    [InlineData("lbfgs")]
    public void OnnxFile_OfBinaryModel_HasScoreProbabilityAndPredictionOfMlNet(string model)
    {
        Assert.Equal($"models/{model}.onnx", ResultsJson.Read(Path.Combine(binary.Directory, "results.json")).Models.Single(m => m.Name == model).OnnxFile);
        AssertOnnxMatchesMlNet(binary.Directory, model, binary.Csv);
    }

    [Theory]
    [InlineData("lightgbm")]
    [InlineData("sdca")]
    public void OnnxFile_OfLogLabelRegression_PredictsOnTheFileScale(string model)
    {
        Assert.Equal($"models/{model}.onnx", ResultsJson.Read(Path.Combine(diamonds.Directory, "results.json")).Models.Single(m => m.Name == model).OnnxFile);
        AssertOnnxMatchesMlNet(diamonds.Directory, model, diamonds.Csv);
    }

    private void AssertOnnxMatchesMlNet(string directory, string model, string csv) =>
        output.WriteLine($"{model}: max |ONNX Runtime - ML.NET| = {OnnxAgreement.Assert(directory, model, csv):G3}");

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

    [Theory]
    [InlineData("lightgbm")]
    [InlineData("linear")]
    public void OnnxFile_OfMulticlassWithCategoricalImputation_MatchesMlNetWithin1e5(string model)
    {
        var results = ResultsJson.Read(Path.Combine(penguins.Directory, "results.json")).Models.Single(m => m.Name == model);
        Assert.True(results.OnnxFile == $"models/{model}.onnx", results.OnnxProblem);
        AssertOnnxMatchesMlNet(penguins.Directory, model, TestPaths.Dataset("penguins.csv"));
    }

    [Fact]
    public void OnnxModelWriter_TryWrite_NamesAnExpressionItHasNoNodesFor()
    {
        // Given a model whose expression is none of the forms our preprocessing writes
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(new[] { new TextRow { A = "x", B = 1 }, new TextRow { A = "y", B = 2 } });
        var model = ml.Transforms.Expression("B", "x => x * 2f", "B").Fit(data);
        var path = Path.Combine(TestPaths.NewTempFolder(), "model.onnx");
        var label = new MLPipelines.Data.LabelInfo { Task = TaskKind.Regression, Rows = [], Original = [] };

        // When it is written
        var export = OnnxModelWriter.TryWrite(ml, model, data, label, path);

        // Then there is no file, and the problem names the step
        Assert.Null(export.Path);
        Assert.Contains("expression transform", export.Problem, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void OnnxModelWriter_TryWrite_GroupedExpressionColumns_MatchMlNetRowByRow()
    {
        // Given one ML.NET expression transformer computing several columns (ExpressionColumns), one of them reading a
        // column another replaces
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(ExpressionColumnsTests.Rows);
        var model = ExpressionColumns.Create(ml, ExpressionColumnsTests.Columns).Fit(data);
        var path = Path.Combine(TestPaths.NewTempFolder(), "model.onnx");
        var label = new MLPipelines.Data.LabelInfo { Task = TaskKind.Regression, Rows = [], Original = [] };

        // When it is written as ONNX nodes and ONNX Runtime scores each row
        var export = OnnxModelWriter.TryWrite(ml, model, data, label, path);

        // Then every output column equals ML.NET's, row by row
        Assert.True(export.Path is not null, export.Problem);
        var scored = model.Transform(data);
        using var session = new InferenceSession(path);
        for (var row = 0; row < ExpressionColumnsTests.Rows.Length; row++)
        {
            var r = ExpressionColumnsTests.Rows[row];
            var inputs = new List<NamedOnnxValue>
            {
                NamedOnnxValue.CreateFromTensor("A", new DenseTensor<string>(new[] { r.A }, [1, 1])),
                NamedOnnxValue.CreateFromTensor("B", new DenseTensor<string>(new[] { r.B }, [1, 1])),
                NamedOnnxValue.CreateFromTensor("C", new DenseTensor<string>(new[] { r.C }, [1, 1])),
                NamedOnnxValue.CreateFromTensor("D", new DenseTensor<float>(new[] { r.D }, [1, 1])),
            };
            using var results = session.Run(inputs);
            foreach (var (output, _, _) in ExpressionColumnsTests.Columns)
            {
                var result = results.Single(v => v.Name == output + ".output");
                if (scored.Schema[output].Type is TextDataViewType)
                {
                    Assert.Equal(scored.GetColumn<ReadOnlyMemory<char>>(output).ElementAt(row).ToString(), result.AsEnumerable<string>().Single());
                }
                else
                {
                    Assert.Equal(scored.GetColumn<float>(output).ElementAt(row), result.AsEnumerable<float>().Single());
                }
            }
        }
    }

    private sealed class TextRow
    {
        public string A { get; set; } = "";

        public float B { get; set; }
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

    /// <summary>
    /// The first 300 breast cancer samples (binary, numeric columns: text columns would get the missing-token
    /// expression, which still blocks the export), numeric imputation and zscore, four trainers.
    /// </summary>
    public sealed class BinaryRun
    {
        public BinaryRun()
        {
            Csv = TestPaths.WriteCsv(string.Join('\n', File.ReadLines(TestPaths.Dataset("breast_cancer.csv")).Take(301)) + "\n");
            var spec = TestSpecs.Create(Csv, "target", ("lightgbm", "lightgbm"), ("fasttree", "fasttree"), ("sdca", "sdca"), ("lbfgs", "lbfgs"));
            spec.Models[0].Options["iterations"] = 20L;
            spec.Models[1].Options["trees"] = 20L;
            spec.Preprocessing.Add(TestSpecs.Step("impute", ("numeric", "median")));
            spec.Preprocessing.Add(TestSpecs.Step("normalize", ("method", "zscore")));
            Directory = Path.Combine(TestPaths.NewTempFolder(), "breast-cancer");
            new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new MLPipelines.Core.Runs.RunOptions { OutputDirectory = Directory });
        }

        public string Csv { get; }

        public string Directory { get; }
    }

    /// <summary>
    /// A telco churn sample with missing tokens, a boolean text column and numeric gaps (<see cref="TelcoSample"/>):
    /// categorical imputation (most frequent), one-hot; sdca adds median imputation with indicators and zscore.
    /// </summary>
    public sealed class TelcoRun
    {
        public TelcoRun()
        {
            Csv = TestPaths.WriteCsv(TelcoSample.Create(TestPaths.Dataset("telco_churn.csv")));
            var spec = TestSpecs.Create(Csv, "churn", ("lightgbm", "lightgbm"), ("fasttree", "fasttree"), ("sdca", "sdca"));
            spec.Models[0].Options["iterations"] = 20L;
            spec.Models[1].Options["trees"] = 20L;
            spec.Preprocessing.Add(TestSpecs.Step("impute", ("numeric", "median"), ("categorical", "most_frequent")));
            spec.Models[2].Preprocessing =
            [
                TestSpecs.Step("impute", ("numeric", "median"), ("add_indicator", true)), TestSpecs.Step("one_hot"), TestSpecs.Step("normalize", ("method", "zscore")),
            ];
            Directory = Path.Combine(TestPaths.NewTempFolder(), "telco");
            new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new MLPipelines.Core.Runs.RunOptions { OutputDirectory = Directory });
        }

        public string Csv { get; }

        public string Directory { get; }
    }

    /// <summary>The first 300 diamonds' numeric columns, price regression on log(price).</summary>
    public sealed class DiamondsRun
    {
        public DiamondsRun()
        {
            int[] numeric = [0, 4, 5, 6, 7, 8, 9];
            Csv = TestPaths.WriteCsv(string.Join('\n', File.ReadLines(TestPaths.Dataset("diamonds.csv")).Take(301)
                .Select(line => string.Join(',', numeric.Select(i => line.Split(',')[i])))) + "\n");
            var spec = TestSpecs.Create(Csv, "price", ("lightgbm", "lightgbm"), ("sdca", "sdca"));
            spec = spec with { Data = spec.Data with { LabelTransform = MLPipelines.Spec.LabelTransform.Log } };
            spec.Models[0].Options["iterations"] = 20L;
            Directory = Path.Combine(TestPaths.NewTempFolder(), "diamonds");
            new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new MLPipelines.Core.Runs.RunOptions { OutputDirectory = Directory });
        }

        public string Csv { get; }

        public string Directory { get; }
    }
}
