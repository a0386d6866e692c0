using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;

namespace MLPipelines.Core.Tests.Runs;

/// <summary>Penguins (text label, categorical columns, missing values) run once, then the saved zip is checked.</summary>
public sealed class ModelPackageTests : IClassFixture<ModelPackageTests.PenguinRun>
{
    private readonly PenguinRun _run;

    public ModelPackageTests(PenguinRun run) => _run = run;

    [Fact]
    public void ModelPackage_Load_FreshContextPredictsLikeMlpipePredict()
    {
        var zip = Path.Combine(_run.Directory, "models", "lightgbm.zip");
        var ml = new MLContext();

        var model = ml.Model.LoadWithDataLoader(zip, out var loader);
        var scored = model.Transform(loader.Load(TestPaths.Dataset("penguins.csv")));
        var plain = scored.GetColumn<ReadOnlyMemory<char>>("Prediction").Select(v => v.ToString()).ToArray();
        var scores = scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();
        using var output = new StringWriter();
        BatchPredictor.Load(zip).Predict(TestPaths.Dataset("penguins.csv"), output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("row,prediction,probability_Adelie,probability_Chinstrap,probability_Gentoo", lines[0]);
        Assert.Equal(344, plain.Length);
        Assert.Equal(345, lines.Length);
        for (var i = 0; i < plain.Length; i++)
        {
            var fields = lines[i + 1].Split(',');
            Assert.Equal(plain[i], fields[1]);
            Assert.Equal(scores[i][0], float.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.True(plain.Count(p => p == "Adelie") > 100);
    }

    [Fact]
    public void ModelPackage_Load_PlainLoadGivesTheRawInputSchema()
    {
        var zip = Path.Combine(_run.Directory, "models", "linear.zip");

        new MLContext().Model.Load(zip, out var schema);

        Assert.Equal(["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"], schema.Select(c => c.Name));
        Assert.Equal(NumberDataViewType.Single, schema["bill_length_mm"].Type);
        Assert.Equal(TextDataViewType.Instance, schema["island"].Type);
        var metadata = ModelPackage.ReadMetadata(zip)!;
        Assert.Equal("multiclass", metadata.Task);
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], metadata.Classes);
    }

    [Fact]
    public void BatchPredictor_Load_RefusesAZipWithoutItsInputSchema()
    {
        // Given a model zip saved without an input schema (as a zip that lost its schema entry loads; found by the zip fuzz)
        var ml = new MLContext(seed: 0);
        var model = ml.Model.Load(Path.Combine(_run.Directory, "models", "lightgbm.zip"), out _);
        var zip = Path.Combine(TestPaths.NewTempFolder(), "no-schema.zip");
        ml.Model.Save(model, null, zip);

        // When mlpipe loads it, then it is bad input naming the file, not a null schema further on
        var error = Assert.Throws<MLPipelines.Results.Csv.DataFileException>(() => BatchPredictor.Load(zip));

        Assert.Contains("no input schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchPredictor_Predict_ReportsBadNumbersByRowAndColumn()
    {
        var zip = Path.Combine(_run.Directory, "models", "lightgbm.zip");
        var input = TestPaths.WriteCsv("island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\nDream,40,18,190,3800,male\nDream,abc,18,190,3800,male\n");

        var error = Assert.Throws<MLPipelines.Results.Csv.DataFileException>(() => BatchPredictor.Load(zip).Predict(input, TextWriter.Null));

        Assert.Contains(":3: row 2, column 'bill_length_mm': 'abc' is not a number", error.Message);
    }

    [Fact]
    public void PipelineRunner_Run_PenguinsResultsFollowTheContract()
    {
        var json = File.ReadAllText(Path.Combine(_run.Directory, "results.json"));
        var results = ResultsJson.Deserialize(json);

        foreach (var key in new[] { "\"name\"", "\"task\"", "\"primary_metric\"", "\"dataset\"", "\"rows\"", "\"features\"", "\"evaluation\"", "\"method\"", "\"folds\"", "\"repeats\"", "\"seed\"", "\"models\"", "\"trainer\"", "\"metrics\"", "\"mean\"", "\"std\"", "\"fit_seconds\"", "\"predict_rows_per_second\"" })
        {
            Assert.Contains(key, json, StringComparison.Ordinal);
        }

        Assert.Equal("accuracy", results.PrimaryMetric);
        Assert.Equal(344, results.Dataset.Rows);
        Assert.Equal(6, results.Dataset.Features);
        Assert.Equal(["accuracy", "macro_accuracy", "log_loss"], results.Models[0].Metrics.Keys);
        Assert.All(results.Models, m => Assert.True(m.Metrics["accuracy"].Mean > 0.9, $"{m.Name} {m.Metrics["accuracy"].Mean}"));
    }

    /// <summary>One real run shared by the tests of this class.</summary>
    public sealed class PenguinRun
    {
        public PenguinRun()
        {
            var spec = TestSpecs.Create(TestPaths.Dataset("penguins.csv"), "species", ("lightgbm", "lightgbm"), ("linear", "lbfgs"));
            spec.Models[0].Options["iterations"] = 30L;
            spec.Preprocessing.Add(TestSpecs.Step("impute"));
            spec.Preprocessing.Add(TestSpecs.Step("one_hot"));
            Directory = Path.Combine(TestPaths.NewTempFolder(), "penguins");
            new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = Directory });
        }

        public string Directory { get; }
    }
}
