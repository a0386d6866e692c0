using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Core.Trainers;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tests.Trainers;

public sealed class BuiltinTrainersTests
{
    private static readonly Lazy<TabularDataset> Iris = new(() => Load("iris.csv", "target", TaskKind.Multiclass, LabelTransform.None));
    private static readonly Lazy<TabularDataset> Cancer = new(() => Load("breast_cancer.csv", "target", TaskKind.Binary, LabelTransform.None));
    private static readonly Lazy<TabularDataset> Wine = new(() => Load("wine.csv", "alcohol", TaskKind.Regression, LabelTransform.None));

    public static TheoryData<string, TaskKind> Cases()
    {
        var data = new TheoryData<string, TaskKind>();
        foreach (var plugin in BuiltinTrainers.CreateRegistry().Plugins)
        {
            foreach (var task in plugin.Tasks)
            {
                data.Add(plugin.Name, task);
            }
        }

        return data;
    }

    private static TabularDataset Load(string file, string label, TaskKind task, LabelTransform transform) =>
        DatasetLoader.Load(new PipelineSpec { Data = new DataSpec { Path = TestPaths.Dataset(file), Label = label, Task = task, LabelTransform = transform } });

    [Fact]
    public void BuiltinTrainers_CreateRegistry_HoldsTheFiveBaselines()
    {
        Assert.Equal(["fastforest", "fasttree", "lbfgs", "lightgbm", "sdca"], BuiltinTrainers.CreateRegistry().Names);
    }

    [Fact]
    public void BuiltinTrainers_Options_HaveDocumentedDefaultsAndSnakeCaseNames()
    {
        foreach (var plugin in BuiltinTrainers.CreateRegistry().Plugins)
        {
            foreach (var option in plugin.Options)
            {
                Assert.Matches("^[a-z][a-z0-9_]*$", option.Name);
                Assert.False(string.IsNullOrWhiteSpace(option.Description));
                Assert.True(option.Default is not null || option.Nullable, $"{plugin.Name}.{option.Name} has no default");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainerPlugin_CreateEstimator_ProducesTheStandardColumns(string trainer, TaskKind task)
    {
        var data = task switch { TaskKind.Binary => Cancer.Value, TaskKind.Multiclass => Iris.Value, _ => Wine.Value };
        var ml = new MLContext(3);
        BuiltinTrainers.CreateRegistry().TryGet(trainer, out var plugin);
        var features = FeaturePipelineBuilder.Build(ml, data.Schema, data.Missing, [], plugin.Family);
        var context = new TrainerContext { MLContext = ml, Task = task, ClassCount = data.Label.ClassCount, Seed = 3 };
        var options = plugin.Options.Where(o => o.Name is "iterations" or "trees").ToDictionary(o => o.Name, object? (_) => 20L);

        var model = features.Estimator.Append(plugin.CreateEstimator(context, options)).Fit(data.View);
        var scored = model.Transform(data.View);

        switch (task)
        {
            case TaskKind.Binary:
                Assert.Equal(NumberDataViewType.Single, scored.Schema["Score"].Type);
                Assert.Equal(NumberDataViewType.Single, scored.Schema["Probability"].Type);
                Assert.Equal(BooleanDataViewType.Instance, scored.Schema["PredictedLabel"].Type);
                Assert.True(ml.BinaryClassification.Evaluate(scored).Accuracy > 0.9);
                Assert.All(scored.GetColumn<float>("Probability"), p => Assert.InRange(p, 0f, 1f));
                break;
            case TaskKind.Multiclass:
                Assert.Equal(3, ((VectorDataViewType)scored.Schema["Score"].Type).Size);
                Assert.IsType<KeyDataViewType>(scored.Schema["PredictedLabel"].Type);
                Assert.True(ml.MulticlassClassification.Evaluate(scored).MicroAccuracy > 0.85);
                break;
            default:
                Assert.Equal(NumberDataViewType.Single, scored.Schema["Score"].Type);
                Assert.True(ml.Regression.Evaluate(scored).RSquared > 0.3);
                break;
        }
    }

    [Fact]
    public void LbfgsPlugin_Tasks_ExcludeRegression()
    {
        BuiltinTrainers.CreateRegistry().TryGet("lbfgs", out var plugin);

        Assert.DoesNotContain(TaskKind.Regression, plugin.Tasks);
        Assert.Throws<ArgumentException>(() => plugin.CreateEstimator(
            new TrainerContext { MLContext = new MLContext(1), Task = TaskKind.Regression }, new Dictionary<string, object?>()));
    }
}
