using MLPipelines.Core.Evaluation;
using MLPipelines.Core.Trainers;
using MLPipelines.Data;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>
/// What every unit of a run depends on, prepared once: the trainers, the data, the resolved spec, the splits and the
/// run key. The runner reduces units into the run folder from it; a worker (<see cref="UnitWorker"/>) executes units
/// from it. Both build it here, so a unit computed in either place is computed the same way.
/// </summary>
internal sealed class RunPlan
{
    private RunPlan(PipelineSpec spec, IReadOnlyList<ITrainerPlugin> plugins, IEvaluationData data, IReadOnlyList<FoldSplit> splits, string key)
    {
        Spec = spec;
        Plugins = plugins;
        Data = data;
        Splits = splits;
        Key = key;
    }

    /// <summary>The spec, its task, stratification and primary metric resolved.</summary>
    public PipelineSpec Spec { get; }

    /// <summary>The trainer of each model, in the spec's order.</summary>
    public IReadOnlyList<ITrainerPlugin> Plugins { get; }

    /// <summary>The rows (a table or images).</summary>
    public IEvaluationData Data { get; }

    /// <summary>The splits every model is evaluated on.</summary>
    public IReadOnlyList<FoldSplit> Splits { get; }

    /// <summary>The <see cref="RunKey"/>: content hash of the resolved spec, data files, seed and build.</summary>
    public string Key { get; }

    /// <summary>Reads the data of <paramref name="spec"/>, resolves the spec and plans its splits.</summary>
    public static RunPlan Prepare(TrainerRegistry registry, PipelineSpec spec)
    {
        var plugins = spec.Models.Select((m, i) => registry.TryGet(m.Trainer, out var p)
            ? p
            : throw SpecException.ForKey(spec, $"models[{i}].trainer", $"unknown trainer '{m.Trainer}'; known: {string.Join(", ", registry.Names)}")).ToList();
        var (data, testSet) = Load(spec);
        spec = new SpecLoader(registry).Resolve(spec, data.Label.Task); // from here on: task, stratify and primary metric are known
        var splits = SplitPlanner.Plan(spec, data, testSet);
        return new RunPlan(spec, plugins, data, splits, RunKey.Compute(spec, plugins.Select(p => p.GetType().Assembly)));
    }

    /// <summary>The evaluator of the run's models, reading and writing finished units in <paramref name="units"/>.</summary>
    public ModelEvaluator Evaluator(UnitStore? units) => new(Spec, Data, Splits)
    {
        Importance = !Spec.Report.FeatureImportance ? null
            : Data is ImageEvaluationData ? (PipelineRunner.ImageImportanceRows, 1) : (PipelineRunner.ImportanceRows, PipelineRunner.ImportancePermutations),
        Units = units,
    };

    /// <summary>
    /// The units that may run anywhere: every split of every model that is not tuned. A tuned model's trials and a
    /// <c>test_set</c> split (whose fitted model is the saved one) stay with the runner.
    /// </summary>
    public IReadOnlyList<UnitRequest> PortableUnits()
    {
        if (Spec.Evaluation.Method == EvaluationMethod.TestSet)
        {
            return [];
        }

        return [.. Spec.Models.Select((model, i) => (model, i)).Where(m => m.model.Tune is null)
            .SelectMany(m => Splits.Select(s => new UnitRequest(SplitUnit.Name(m.i, m.model.Name, s.Repeat, s.Fold), m.i, s.Repeat, s.Fold)))];
    }

    private static (IEvaluationData Data, (int[] Train, int[] Test)? TestSet) Load(PipelineSpec spec)
    {
        if (spec.Data.Kind == DataKind.Images)
        {
            var images = ImageEvaluationData.Load(spec);
            return (images, images.TestSet);
        }

        return (new TabularEvaluationData(DatasetLoader.Load(spec)), null);
    }
}
