using System.Diagnostics;
using System.Globalization;
using MLPipelines.Core.Data;
using MLPipelines.Core.Evaluation;
using MLPipelines.Core.Results;
using MLPipelines.Core.Spec;
using MLPipelines.Core.Trainers;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Runs a pipeline end to end: reads the data, plans the splits once (shared by every model), evaluates each
/// model, fits it on all rows, and writes the run folder:
/// <c>spec.yaml</c>, <c>resolved.yaml</c>, <c>results.json</c>, reports (e.g. <c>report.md</c>),
/// <c>models/NAME.zip</c>, <c>predictions/NAME.csv</c>, <c>environment.json</c>. The folder appears under its final
/// name only when complete (<see cref="RunFolder"/>). Trainers come from the registry only.
/// </summary>
public sealed class PipelineRunner(TrainerRegistry registry)
{
    /// <summary>Runs <paramref name="spec"/> (already validated by the spec loader).</summary>
    /// <exception cref="DataFileException">The data does not fit the spec.</exception>
    /// <exception cref="SpecException">A spec rule fails once the task is known (e.g. a trainer without that task).</exception>
    /// <exception cref="RunFolderException">The output folder cannot be used.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the partial folder is renamed <c>NAME.incomplete</c>.</exception>
    public RunOutcome Run(PipelineSpec spec, RunOptions options, IProgress<RunEvent>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var plugins = spec.Models.Select((m, i) => registry.TryGet(m.Trainer, out var p)
            ? p
            : throw SpecException.ForKey(spec, $"models[{i}].trainer", $"unknown trainer '{m.Trainer}'; known: {string.Join(", ", registry.Names)}")).ToList();
        var dataset = DatasetLoader.Load(spec);
        var warnings = new List<string>(dataset.Schema.Warnings);
        new SpecLoader(registry).ResolveTask(spec, dataset.Label.Task);
        foreach (var column in dataset.Schema.Columns.Where(c => c.Kind is ColumnKind.Text or ColumnKind.Constant))
        {
            warnings.Add($"column '{column.Name}' is not used: {column.Reason}");
        }

        if (dataset.Label.DroppedMissing > 0)
        {
            warnings.Add($"{dataset.Label.DroppedMissing} row(s) without a label value were dropped");
        }

        progress?.Report(new RunEvent(RunEventKind.DataLoaded,
            $"{dataset.Table.Path}: {dataset.RowCount} rows, {dataset.Schema.Features.Count} features, {Lower(dataset.Label.Task)} ({dataset.Label.TaskReason})"));
        foreach (var warning in warnings)
        {
            progress?.Report(new RunEvent(RunEventKind.Warning, warning));
        }

        var splits = PlanSplits(spec, dataset);
        var folder = RunFolder.Create(options.OutputDirectory ?? DefaultFolder(options.RunsRoot, spec.Name, started), options.Overwrite);
        try
        {
            CopySpec(spec, folder.File("spec.yaml"));
            var evaluator = new ModelEvaluator(spec, dataset, splits, key => Where(spec, key));
            var models = new List<ModelResult>();
            for (var i = 0; i < spec.Models.Count; i++)
            {
                var model = spec.Models[i];
                progress?.Report(new RunEvent(RunEventKind.ModelStarted, $"{model.Name} ({model.Trainer})") { Model = model.Name, Splits = splits.Count });
                var (result, scored, final, finalMl) = evaluator.Evaluate(i, plugins[i], progress, cancellation);
                ModelPackage.Save(finalMl, final, dataset, Metadata(spec, dataset, i), folder.File(result.ModelFile!));
                PredictionsCsvWriter.Write(folder.File(result.PredictionsFile!), dataset, scored);
                models.Add(result);
                progress?.Report(new RunEvent(RunEventKind.ModelFinished, model.Name)
                {
                    Model = model.Name,
                    Splits = splits.Count,
                    Value = result.Metrics.TryGetValue(spec.Evaluation.PrimaryMetric!, out var m) ? m.Mean : null,
                    Metric = spec.Evaluation.PrimaryMetric,
                });
            }

            cancellation.ThrowIfCancellationRequested();
            progress?.Report(new RunEvent(RunEventKind.Writing, "writing results"));
            var results = BuildResults(spec, dataset, models, warnings, started, clock.Elapsed.TotalSeconds);
            ResultsJson.Write(folder.File("results.json"), results);
            ResolvedSpecWriter.Write(spec, folder.File("resolved.yaml"));
            EnvironmentInfo.Capture(spec.Evaluation.Seed, SpecDirectory(spec)).Write(folder.File("environment.json"));
            foreach (var writer in options.ReportWriters.Where(w => spec.Report.Formats.Contains(w.Format)))
            {
                writer.Write(results, folder.WorkPath);
            }

            folder.Complete();
            return new RunOutcome(folder.FinalPath, results);
        }
        catch (Exception e)
        {
            folder.Abandon(e is OperationCanceledException ? "interrupted" : e.Message);
            throw;
        }
    }

    private static IReadOnlyList<FoldSplit> PlanSplits(PipelineSpec spec, TabularDataset dataset)
    {
        var evaluation = spec.Evaluation;
        int[]? strata = null;
        if (evaluation.Stratify == true)
        {
            strata = dataset.Label.Task == TaskKind.Regression
                ? FoldPlanner.QuantileStrata(dataset.Label.Values, 10)
                : dataset.Label.ClassIndex;
        }

        if (evaluation.Method == EvaluationMethod.Holdout)
        {
            return FoldPlanner.Holdout(dataset.RowCount, evaluation.TestFraction, evaluation.Repeats, evaluation.Seed, strata);
        }

        if (dataset.RowCount < evaluation.Folds)
        {
            throw new DataFileException($"{Where(spec, "evaluation.folds")}evaluation.folds: {evaluation.Folds} folds need at least {evaluation.Folds} labelled rows, the data has {dataset.RowCount}");
        }

        return FoldPlanner.KFold(dataset.RowCount, evaluation.Folds, evaluation.Repeats, evaluation.Seed, strata);
    }

    private static RunResults BuildResults(
        PipelineSpec spec, TabularDataset dataset, List<ModelResult> models, List<string> warnings, DateTimeOffset started, double seconds)
    {
        var label = dataset.Label;
        var evaluation = spec.Evaluation;
        return new RunResults
        {
            Name = spec.Name,
            Task = Lower(label.Task),
            PrimaryMetric = evaluation.PrimaryMetric!,
            Dataset = new DatasetResult
            {
                Path = dataset.Table.Path,
                Rows = dataset.RowCount,
                Features = dataset.Schema.Features.Count,
                Label = spec.Data.Label,
                Classes = label.Classes,
                ClassCounts = [.. label.Classes.Select((_, k) => label.ClassIndex.Count(i => i == k))],
                PositiveClass = label.PositiveClass,
                LabelTransform = label.Transform == LabelTransform.Log ? "log" : "none",
                RowsDroppedMissingLabel = label.DroppedMissing,
                Columns = [.. dataset.Schema.Columns.Select(c => new ColumnResult
                {
                    Name = c.Name,
                    Kind = c.Kind.ToString().ToLowerInvariant(),
                    Missing = c.Missing,
                    Distinct = c.Distinct,
                    Reason = c.Reason,
                })],
            },
            Evaluation = new EvaluationResult
            {
                Method = evaluation.Method == EvaluationMethod.Holdout ? "holdout" : "kfold",
                Folds = evaluation.Method == EvaluationMethod.Holdout ? 1 : evaluation.Folds,
                Repeats = evaluation.Repeats,
                Seed = evaluation.Seed,
                Stratify = evaluation.Stratify == true,
                TestFraction = evaluation.Method == EvaluationMethod.Holdout ? evaluation.TestFraction : null,
            },
            Models = models,
            Warnings = warnings,
            StartedUtc = started,
            DurationSeconds = seconds,
        };
    }

    private static ModelMetadata Metadata(PipelineSpec spec, TabularDataset dataset, int modelIndex) => new()
    {
        Pipeline = spec.Name,
        Model = spec.Models[modelIndex].Name,
        Trainer = spec.Models[modelIndex].Trainer,
        Task = Lower(dataset.Label.Task),
        Label = spec.Data.Label,
        Classes = dataset.Label.Classes,
        LabelTransform = dataset.Label.Transform == LabelTransform.Log ? "log" : "none",
        Inputs = ModelPackage.Inputs(dataset),
        MissingValues = dataset.Missing.Tokens,
        TrainingRows = dataset.RowCount,
    };

    private static void CopySpec(PipelineSpec spec, string path)
    {
        if (spec.SourcePath.Length > 0 && File.Exists(spec.SourcePath))
        {
            File.Copy(spec.SourcePath, path);
        }
        else
        {
            File.WriteAllText(path, $"# pipeline '{spec.Name}' was built in code; resolved.yaml holds its content\n");
        }
    }

    private static string? SpecDirectory(PipelineSpec spec) =>
        spec.SourcePath.Length > 0 ? Path.GetDirectoryName(spec.SourcePath) : Environment.CurrentDirectory;

    private static string DefaultFolder(string root, string name, DateTimeOffset started)
    {
        var safe = new string([.. name.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '-')]).Trim('.');
        return Path.Combine(root, $"{started.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{(safe.Length == 0 ? "run" : safe)}");
    }

    private static string Where(PipelineSpec spec, string keyPath) =>
        spec.LocationOf(keyPath) is { } location ? $"{location}: " : "";

    private static string Lower(TaskKind task) => task.ToString().ToLowerInvariant();
}
