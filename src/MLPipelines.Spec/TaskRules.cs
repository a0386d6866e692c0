using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec;

/// <summary>
/// The rules that need the task: trainer support, task-specific options, the plugins' own checks, label
/// transform, stratification and the primary metric; and the defaults that depend on the task (the one place they
/// are decided). Run at load time when <c>data.task</c> is written, else by <see cref="SpecLoader.Resolve"/> once
/// the runner has inferred it.
/// </summary>
internal static class TaskRules
{
    /// <summary>Checks the task's rules into <paramref name="errors"/> and returns <paramref name="spec"/> resolved for the task (a new spec).</summary>
    public static PipelineSpec Resolve(PipelineSpec spec, TaskKind task, ITrainerCatalog registry, List<SpecError> errors)
    {
        Check(spec, task, registry, errors);
        var evaluation = spec.Evaluation;
        return spec with
        {
            Data = spec.Data with { Task = task },
            Evaluation = evaluation with
            {
                Stratify = evaluation.Method == EvaluationMethod.TestSet ? evaluation.Stratify : evaluation.Stratify ?? task != TaskKind.Regression,
                PrimaryMetric = evaluation.PrimaryMetric ?? TaskMetrics.DefaultFor(task),
            },
        };
    }

    private static void Check(PipelineSpec spec, TaskKind task, ITrainerCatalog registry, List<SpecError> errors)
    {
        var taskName = YamlNames.Of(task);
        if (spec.Data.LabelTransform == LabelTransform.Log && task != TaskKind.Regression)
        {
            Add(errors, spec, "data.label_transform", $"'log' applies only to regression, and this pipeline's task is {taskName}");
        }

        if (spec.Data.PositiveClass is not null && task != TaskKind.Binary)
        {
            Add(errors, spec, "data.positive_class", $"applies only to binary tasks, and this pipeline's task is {taskName}");
        }

        if (spec.Evaluation.Stratify == true && task == TaskKind.Regression)
        {
            Add(errors, spec, "evaluation.stratify", "stratified splits need class labels, and this pipeline's task is regression; remove it or set it to false");
        }

        if (spec.Evaluation.PrimaryMetric is { } metric && !TaskMetrics.For(task).Contains(metric))
        {
            Add(errors, spec, "evaluation.primary_metric",
                $"'{metric}' is not a {taskName} metric; choose one of {string.Join(", ", TaskMetrics.For(task))}");
        }

        for (var i = 0; i < spec.Models.Count; i++)
        {
            var model = spec.Models[i];
            if (!registry.TryGetDeclaration(model.Trainer, out var plugin))
            {
                continue;
            }

            var itemPath = SpecReadContext.Item("models", i);
            if (!plugin.Tasks.Contains(task))
            {
                Add(errors, spec, SpecReadContext.Child(itemPath, "trainer"),
                    $"trainer '{plugin.Name}' does not support {taskName}; it supports {string.Join(", ", plugin.Tasks.Select(YamlNames.Of))}");
                continue;
            }

            var optionsPath = SpecReadContext.Child(itemPath, "options");
            var before = errors.Count;
            foreach (var option in plugin.Options.Where(o => o.Tasks.Count > 0 && !o.Tasks.Contains(task)))
            {
                var optionPath = SpecReadContext.Child(optionsPath, option.Name);
                if (spec.Locations.ContainsKey(optionPath))
                {
                    Add(errors, spec, optionPath,
                        $"applies only to {string.Join(" and ", option.Tasks.Select(YamlNames.Of))} tasks, and this pipeline's task is {taskName}");
                }
            }

            var optionsAlreadyWrong = errors.Take(before).Any(e => e.KeyPath.StartsWith(optionsPath, StringComparison.Ordinal));
            if (errors.Count == before && !optionsAlreadyWrong)
            {
                AddPluginErrors(plugin, model.Options, task, optionsPath, spec.LocationOf, errors);
            }
        }

    }

    /// <summary>The plugin's own cross-option checks, as errors at the option they name (or at <c>options</c>).</summary>
    public static void AddPluginErrors(
        ITrainerDeclaration plugin,
        IReadOnlyDictionary<string, object?> options,
        TaskKind? task,
        string optionsPath,
        Func<string, SourceLocation?> locate,
        List<SpecError> errors)
    {
        foreach (var (option, message) in plugin.Validate(options, task))
        {
            var path = string.IsNullOrEmpty(option) ? optionsPath : SpecReadContext.Child(optionsPath, option);
            errors.Add(new SpecError(locate(path), path, message));
        }
    }

    private static void Add(List<SpecError> errors, PipelineSpec spec, string path, string message) =>
        errors.Add(new SpecError(spec.LocationOf(path), path, message));
}
