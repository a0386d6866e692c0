using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Tests.Shared;
using Xunit.Abstractions;

namespace MLPipelines.Core.Tests.Runs;

/// <summary>
/// The <c>models/NAME.onnx</c> files of real runs: iris (numeric columns, no preprocessing: ML.NET's converter exports
/// every step), iris with missing cells and numeric imputation (ML.NET's missing-value replacer, exported as an ONNX
/// Imputer), penguins (categorical imputation is an expression transform, which it cannot export: named instead), a
/// binary breast cancer sample (the Prediction column's class text is added to the graph) and a log-price diamonds sample (exp).
/// </summary>
public sealed class OnnxModelFileTests(
    OnnxModelFileTests.IrisRun run, OnnxModelFileTests.IrisWithGapsRun gaps, ModelPackageTests.PenguinRun penguins,
    OnnxModelFileTests.BinaryRun binary, OnnxModelFileTests.DiamondsRun diamonds, ITestOutputHelper output)
    : IClassFixture<OnnxModelFileTests.IrisRun>, IClassFixture<OnnxModelFileTests.IrisWithGapsRun>, IClassFixture<ModelPackageTests.PenguinRun>,
      IClassFixture<OnnxModelFileTests.BinaryRun>, IClassFixture<OnnxModelFileTests.DiamondsRun>
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
