using System.Globalization;
using System.Text;
using Microsoft.ML;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tests.Runs;

public sealed class PermutationImportanceTests
{
    [Fact]
    public void PipelineRunner_Run_InformativeColumnMattersAndNoiseDoesNot()
    {
        // y is "signal > 0.5" with 3% of labels flipped; noise and color are unrelated to it.
        var rng = new Random(11);
        var csv = new StringBuilder("signal,noise,color,y\n");
        for (var i = 0; i < 400; i++)
        {
            var signal = rng.NextDouble();
            var positive = (signal > 0.5) ^ (rng.NextDouble() < 0.03);
            csv.Append(CultureInfo.InvariantCulture, $"{signal:F4},{rng.NextDouble():F4},{(rng.Next(3) switch { 0 => "red", 1 => "green", _ => "blue" })},{(positive ? "yes" : "no")}\n");
        }

        var spec = TestSpecs.Create(TestPaths.WriteCsv(csv.ToString()), "y", ("linear", "lbfgs"), ("trees", "fasttree"));
        spec.Models[1].Options["trees"] = 20L;

        var results = new PipelineRunner(BuiltinTrainers.CreateRegistry())
            .Run(spec, new RunOptions { OutputDirectory = Path.Combine(TestPaths.NewTempFolder(), "run") }).Results;

        foreach (var model in results.Models)
        {
            var importance = model.FeatureImportance!;
            Assert.Equal(("accuracy", "columns", 2, 3), (importance.Metric, importance.Unit, importance.Permutations, importance.Splits));
            // One entry per source column: the one-hot slots of color count as one feature.
            Assert.Equal(["color", "noise", "signal"], importance.Features.Select(f => f.Feature).Order(StringComparer.Ordinal));
            var signal = importance.Features[0];
            Assert.Equal("signal", signal.Feature);
            Assert.True(signal.Importance > 0.3, $"{model.Name}: signal {signal.Importance}");
            Assert.Equal(-signal.MeanChange, signal.Importance);
            foreach (var other in importance.Features.Skip(1))
            {
                Assert.True(Math.Abs(other.Importance) < 0.03, $"{model.Name}: {other.Feature} {other.Importance}");
                Assert.True(signal.Importance > 10 * Math.Max(Math.Abs(other.Importance), 0.01), $"{model.Name}: {other.Feature}");
            }
        }
    }

    [Theory]
    [InlineData(TaskKind.Binary, "lbfgs", "accuracy")]
    [InlineData(TaskKind.Multiclass, "lbfgs", "log_loss")]
    [InlineData(TaskKind.Multiclass, "lightgbm", "accuracy")]
    [InlineData(TaskKind.Regression, "sdca", "rmse")]
    [InlineData(TaskKind.Regression, "fasttree", "mae")]
    public void PermutationImportance_Measure_StackedScoringGivesTheChangesOfScoringEachCopyAlone(TaskKind task, string trainer, string metric)
    {
        // Given a model with imputation, one-hot and normalization fitted on a table with missing values, when the
        // shuffled copies are scored stacked (batches of 3 copies, the last one short) and one view per copy,
        // then every change of every unit is the same double, the rows sampled and shuffled alike.
        var spec = TestSpecs.Create(MixedTable(task), "y", ("model", trainer));
        spec.Models[0].Preprocessing =
            [TestSpecs.Step("impute", ("numeric", "median"), ("categorical", "most_frequent")), TestSpecs.Step("one_hot"), TestSpecs.Step("normalize")];
        var data = new TabularEvaluationData(DatasetLoader.Load(spec));
        var plugin = BuiltinTrainers.CreateRegistry().TryGet(trainer, out var found) ? found : throw new InvalidOperationException(trainer);
        var (model, _, _) = new ModelEvaluator(spec, data, []).FitAll(0, plugin, new Dictionary<string, object?>(), CancellationToken.None);
        int[] testRows = [.. Enumerable.Range(0, data.RowCount).Where(r => r % 3 == 0)];

        var stacked = new PermutationImportance(data, metric, maxRows: 30, permutations: 2, stackedRows: 3 * 30)
            .Measure(model, testRows, seed: 5, CancellationToken.None).Changes;
        var alone = new PermutationImportance(new OneViewPerCopy(data), metric, maxRows: 30, permutations: 2)
            .Measure(model, testRows, seed: 5, CancellationToken.None).Changes;

        Assert.Equal(4, stacked.Length);
        Assert.All(stacked, changes => Assert.Equal(2, changes.Length));
        Assert.Equal(alone, stacked);
        Assert.Contains(stacked, changes => changes.Any(c => c != 0));
    }

    /// <summary>y from a, b and color (plus noise); a and color have missing cells; d is noise.</summary>
    private static string MixedTable(TaskKind task)
    {
        var rng = new Random(3);
        var csv = new StringBuilder("a,b,color,d,y\n");
        for (var i = 0; i < 120; i++)
        {
            var (a, b, d) = (rng.NextDouble(), rng.NextDouble(), rng.NextDouble());
            var color = rng.Next(3);
            var signal = a + (0.5 * b) + (color == 1 ? 0.4 : 0) + (0.2 * rng.NextDouble());
            var y = task switch
            {
                TaskKind.Binary => signal > 0.9 ? "yes" : "no",
                TaskKind.Multiclass => signal < 0.7 ? "low" : signal < 1.1 ? "mid" : "high",
                _ => (10 * signal).ToString("F3", CultureInfo.InvariantCulture),
            };
            var aText = i % 7 == 0 ? "" : a.ToString("F4", CultureInfo.InvariantCulture);
            var colorText = i % 11 == 0 ? "" : (color switch { 0 => "red", 1 => "green", _ => "blue" });
            csv.Append(CultureInfo.InvariantCulture, $"{aText},{b:F4},{colorText},{d:F4},{y}\n");
        }

        return TestPaths.WriteCsv(csv.ToString());
    }

    /// <summary>The table with no stacked view: permutation importance scores each shuffled copy on its own.</summary>
    private sealed class OneViewPerCopy(IEvaluationData inner) : IEvaluationData
    {
        public LabelInfo Label => inner.Label;

        public int RowCount => inner.RowCount;

        public IDataView All => inner.All;

        public bool HasSources => inner.HasSources;

        public ImportanceUnits ImportanceUnits => inner.ImportanceUnits;

        public string Summary => inner.Summary;

        public IReadOnlyList<string> Warnings => inner.Warnings;

        public IDataView Select(int[] rows) => inner.Select(rows);

        public FeatureChain BuildFeatures(MLContext ml, IReadOnlyList<PreprocessingStepSpec> steps, string trainerFamily, string stepsKey) =>
            inner.BuildFeatures(ml, steps, trainerFamily, stepsKey);

        public int RowNumber(int row) => inner.RowNumber(row);

        public string? SourceOf(int row) => inner.SourceOf(row);

        public IDataView Permute(int[] rows, int unit, int[] sources) => inner.Permute(rows, unit, sources);

        public DatasetResult Describe(PipelineSpec spec) => inner.Describe(spec);

        public void SaveModel(MLContext ml, ITransformer model, ModelMetadata metadata, string path) => inner.SaveModel(ml, model, metadata, path);

        public ModelMetadata Metadata(PipelineSpec spec) => inner.Metadata(spec);
    }
}
