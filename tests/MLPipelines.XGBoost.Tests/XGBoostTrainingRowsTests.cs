using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec;
using MLPipelines.Spec.Declarations;
using MLPipelines.XGBoost.Plugin;
using MLPipelines.XGBoost.Training;

namespace MLPipelines.XGBoost.Tests;

/// <summary>
/// How the training rows reach XGBoost: straight from the preprocessing (no ML.NET cache in between, as for LightGBM,
/// unlike for multi-pass trainers), read through one cursor, in the view's order.
/// </summary>
public sealed class XGBoostTrainingRowsTests
{
    [Fact]
    public void PipelineRunner_XGBoostAndLightGbm_ReadThePreprocessingWithoutACacheWhileMultiPassTrainersKeepIt()
    {
        // Given a run with xgboost and lightgbm (each copies its rows into its own store) and fasttree (reads them
        // pass after pass: the runner caches its input), all recording the view each fit is given
        var builtin = BuiltinTrainers.CreateRegistry();
        var xgboost = new ViewRecordingPlugin(new XGBoostTrainerPlugin());
        var lightgbm = new ViewRecordingPlugin(builtin.TryGet("lightgbm", out var plugin) ? plugin : throw new InvalidOperationException());
        var fasttree = new ViewRecordingPlugin(builtin.TryGet("fasttree", out var other) ? other : throw new InvalidOperationException());
        var registry = new TrainerRegistry().Register(xgboost).Register(lightgbm).Register(fasttree);
        var spec = new PipelineSpec
        {
            Name = "cache",
            Data = new DataSpec { Path = Path.Combine(TestFiles.RepoRoot, "datasets", "penguins.csv"), Label = "species" },
            Evaluation = new EvaluationSpec { Folds = 3, Seed = 7 },
        };
        spec.Models.Add(new ModelSpec { Name = "xgb", Trainer = "xgboost", Options = { ["n_estimators"] = 5L } });
        spec.Models.Add(new ModelSpec { Name = "lgbm", Trainer = "lightgbm", Options = { ["iterations"] = 5L } });
        spec.Models.Add(new ModelSpec { Name = "ft", Trainer = "fasttree", Options = { ["trees"] = 5L } });

        // When it runs (3 folds and the final fit per model)
        new PipelineRunner(registry).Run(spec, new RunOptions { OutputDirectory = Path.Combine(TestFiles.NewFolder(), "run") });

        // Then xgboost and lightgbm read the preprocessing's own view every time, fasttree ML.NET's cache of it
        Assert.Equal(4, xgboost.Views.Count);
        Assert.All(xgboost.Views, view => Assert.NotEqual("CacheDataView", view));
        Assert.Equal(4, lightgbm.Views.Count);
        Assert.All(lightgbm.Views, view => Assert.NotEqual("CacheDataView", view));
        Assert.Equal(4, fasttree.Views.Count);
        Assert.All(fasttree.Views, view => Assert.Equal("CacheDataView", view));
    }

    [Fact]
    public void XGBoostTrainingData_Read_TransformedView_GivesEveryRowInTheViewsOrder()
    {
        // Given a one-hot + concatenate view of 1,000 rows (ML.NET's own cursor over it splits the rows over threads)
        var ml = new MLContext(5);
        var random = new Random(5);
        MixedRow[] rows = [.. Enumerable.Range(0, 1000).Select(i => new MixedRow
        {
            Number = random.NextDouble() < 0.1 ? float.NaN : (float)random.NextDouble(),
            Category = ((char)('a' + random.Next(6))).ToString(),
            Label = i,
        })];
        var source = ml.Data.LoadFromEnumerable(rows);
        var view = ml.Transforms.Categorical.OneHotEncoding("CategoryVector", "Category")
            .Append(ml.Transforms.Concatenate("Features", "Number", "CategoryVector"))
            .Fit(source).Transform(source);

        // When XGBoost's reader reads it
        var data = XGBoostTrainingData.Read(view, TaskKind.Regression, "Label", "Features");

        // Then it holds the same rows, in the same order, as ML.NET's cursor gives them
        Assert.Equal(1000, data.Rows);
        Assert.Equal(7, data.Width);
        Assert.Equal(XGBoostTables.Features(view), data.Features.ToArray());
        Assert.Equal(view.GetColumn<float>("Label"), data.Labels.ToArray());
    }

    private sealed class MixedRow
    {
        public float Number { get; set; }

        public string Category { get; set; } = "";

        public float Label { get; set; }
    }

    /// <summary>A trainer (wrapped) that records the type of the view every fit is given.</summary>
    private sealed class ViewRecordingPlugin(ITrainerPlugin inner) : ITrainerPlugin
    {
        public ConcurrentQueue<string> Views { get; } = [];

        public string Name => inner.Name;

        public string Description => inner.Description;

        public string Family => inner.Family;

        public IReadOnlyList<TaskKind> Tasks => inner.Tasks;

        public IReadOnlyList<OptionDescriptor> Options => inner.Options;

        public bool ReadsTrainingRowsOnce => inner.ReadsTrainingRowsOnce;

        public IEnumerable<(string Option, string Message)> Validate(IReadOnlyDictionary<string, object?> options, TaskKind? task) => inner.Validate(options, task);

        public object Bind(IReadOnlyDictionary<string, object?> values) => inner.Bind(values);

        public IEstimator<ITransformer> CreateEstimator(TrainerContext context, object options) =>
            new Recorder(Views, inner.CreateEstimator(context, options));

        private sealed class Recorder(ConcurrentQueue<string> views, IEstimator<ITransformer> estimator) : IEstimator<ITransformer>
        {
            public ITransformer Fit(IDataView input)
            {
                views.Enqueue(input.GetType().Name);
                return estimator.Fit(input);
            }

            public SchemaShape GetOutputSchema(SchemaShape inputSchema) => estimator.GetOutputSchema(inputSchema);
        }
    }
}
