using Microsoft.ML;
using MLPipelines.Core.Evaluation;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Core.Tuning;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tests.Tuning;

public sealed class SoftmaxTreePredictorTests
{
    [Fact]
    public void PredictionReader_Predict_LightGbmMulticlassGivesMlNetsProbabilitiesBitForBit()
    {
        // Given LightGBM fitted on penguins (imputed, one-hot islands and sexes),
        // when its training rows (two blocks of rows) are predicted by the tree walk and by ML.NET's own transform,
        // then the probabilities are identical, and the tree walk was the path taken.
        var (model, prepared) = Fit([TestSpecs.Step("impute"), TestSpecs.Step("one_hot")]);

        var fast = PredictionReader.Predict(model, prepared.Train, TaskKind.Multiclass, 3, threads: 2);

        Assert.NotNull(SoftmaxTreePredictor.TryCreate(model)!.TryPredict(prepared.Train, FeaturePipelineBuilder.FeatureColumn, 1));
        var reference = PredictionReader.Read(model.Transform(prepared.Train), TaskKind.Multiclass, 3);
        Assert.Equal(3, fast.Width);
        Assert.InRange(fast.Rows, 129, 1000);
        Assert.Equal(reference.Values, fast.Values);
    }

    [Fact]
    public void SoftmaxTreePredictor_TryPredict_MissingValuesAreLeftToMlNet()
    {
        // Given a table with gaps kept as NaN (LightGBM sends NaN down a per-node default branch that ML.NET does not
        // expose), when predicted, then the tree walk declines and the reader's result is ML.NET's.
        var (model, prepared) = Fit([], GappyTable());

        var walk = SoftmaxTreePredictor.TryCreate(model)!.TryPredict(prepared.Validation, FeaturePipelineBuilder.FeatureColumn, 1);

        Assert.Null(walk);
        Assert.Equal(
            PredictionReader.Read(model.Transform(prepared.Validation), TaskKind.Multiclass, 3).Values,
            PredictionReader.Predict(model, prepared.Validation, TaskKind.Multiclass, 3, threads: 2).Values);
    }

    [Fact]
    public void SoftmaxTreePredictor_TryCreate_OtherModelsAreNotTreeSoftmaxes()
    {
        var (model, _) = Fit([TestSpecs.Step("impute"), TestSpecs.Step("one_hot")], trainer: "lbfgs");

        Assert.Null(SoftmaxTreePredictor.TryCreate(model));
    }

    /// <summary>Three classes set by x1, with one cell in eight of x1..x3 empty (missing).</summary>
    private static (string Path, string Label) GappyTable()
    {
        var random = new Random(8);
        var text = new System.Text.StringBuilder("x1,x2,x3,y\n");
        for (var i = 0; i < 240; i++)
        {
            var x = Enumerable.Range(0, 3).Select(_ => random.NextDouble()).ToArray();
            var cells = x.Select(v => random.Next(8) == 0 ? "" : v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
            text.Append(string.Join(',', cells)).Append(x[0] < 0.33 ? ",a\n" : x[0] < 0.66 ? ",b\n" : ",c\n");
        }

        return (TestPaths.WriteCsv(text.ToString()), "y");
    }

    private static (ITransformer Model, PreparedSplit Prepared) Fit(IReadOnlyList<PreprocessingStepSpec> steps, (string Path, string Label)? file = null, string trainer = "lightgbm")
    {
        var (path, label) = file ?? (TestPaths.Dataset("penguins.csv"), "species");
        var table = DatasetLoader.Load(new PipelineSpec { Data = new DataSpec { Path = path, Label = label, Task = TaskKind.Multiclass } });
        var data = new TabularEvaluationData(table);
        var split = FoldPlanner.KFold(data.RowCount, 3, 1, 5, data.Label.ClassIndex)[0];
        var plugin = BuiltinTrainers.CreateRegistry().TryGet(trainer, out var p) ? p : throw new InvalidOperationException(trainer);
        var prepared = new FeaturePreparer(data, steps, plugin.Family, "preprocessing").Prepare(split, split.Test, 3);
        var options = plugin.Options.ToDictionary(o => o.Name, o => o.Default, StringComparer.Ordinal);
        if (trainer == "lightgbm")
        {
            options["iterations"] = 40L;
            options["num_leaves"] = 8L;
            options["min_data_in_leaf"] = 5L;
        }

        var context = new TrainerContext
        {
            MLContext = new MLContext(1),
            Task = TaskKind.Multiclass,
            LabelColumn = TabularDataset.LabelColumn,
            FeatureColumn = FeaturePipelineBuilder.FeatureColumn,
            ClassCount = data.Label.ClassCount,
            Seed = 1,
            FeaturesNormalized = prepared.Normalized,
            Log = new TrainingLog(),
            Cancellation = CancellationToken.None,
        };
        return (plugin.CreateEstimator(context, options).Fit(prepared.Train), prepared);
    }
}
