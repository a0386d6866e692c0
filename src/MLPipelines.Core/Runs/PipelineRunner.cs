using System.Diagnostics;
using System.Globalization;
using MLPipelines.Core.Trainers;
using MLPipelines.Core.Tuning;
using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Results.Statistics;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Runs a pipeline end to end: reads the data (a table, or images), plans the splits once (shared by every
/// model), evaluates each model (with permutation importance on its test rows), fits it on all rows (or keeps the
/// scored model for <c>test_set</c>), adds intervals and significance tests, and writes the run folder:
/// <c>spec.yaml</c>, <c>resolved.yaml</c>, <c>results.json</c>, reports (e.g. <c>report.md</c>),
/// <c>models/NAME.zip</c>, <c>predictions/NAME.csv</c>, <c>environment.json</c>. The folder appears under its final
/// name only when complete (<see cref="RunFolder"/>). Trainers come from the registry only.
/// </summary>
public sealed class PipelineRunner(TrainerRegistry registry)
{
    /// <summary>Test rows per split used for permutation importance of tabular data.</summary>
    public const int ImportanceRows = 2000;

    /// <summary>Shuffles per column and split for tabular data.</summary>
    public const int ImportancePermutations = 2;

    /// <summary>Test images per split used for permutation importance of images (one shuffle per block).</summary>
    public const int ImageImportanceRows = 1000;

    /// <summary>Runs <paramref name="spec"/> (already validated by the spec loader).</summary>
    /// <exception cref="DataFileException">The data does not fit the spec.</exception>
    /// <exception cref="MLPipelines.Data.Images.ImageDataException">Image files cannot be used.</exception>
    /// <exception cref="SpecException">A spec rule fails once the task is known (e.g. a trainer without that task).</exception>
    /// <exception cref="RunFolderException">The output folder cannot be used.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the partial folder is renamed <c>NAME.incomplete</c>.</exception>
    public RunOutcome Run(PipelineSpec spec, RunOptions options, IProgress<RunEvent>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return RunSpec(spec, options, progress, cancellation);
        }
        catch (DataFileException e) when (e is { KeyPath: not null, IsLocated: false })
        {
            // The one place a data error about a spec key gets the key's file:line:col.
            throw spec.Locate(e);
        }
    }

    private RunOutcome RunSpec(PipelineSpec spec, RunOptions options, IProgress<RunEvent>? progress, CancellationToken cancellation)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var plan = RunPlan.Prepare(registry, spec);
        var (plugins, data, splits, runKey) = (plan.Plugins, plan.Data, plan.Splits, plan.Key);
        spec = plan.Spec; // from here on: task, stratify and primary metric are known
        var warnings = new List<string>(data.Warnings);
        progress?.Report(new RunEvent(RunEventKind.DataLoaded, data.Summary));
        foreach (var warning in warnings)
        {
            progress?.Report(new RunEvent(RunEventKind.Warning, warning));
        }

        var folder = RunFolder.Create(options.OutputDirectory ?? DefaultFolder(options.RunsRoot, spec.Name, started), options.Overwrite, runKey);
        if (folder.AlreadyComplete)
        {
            folder.Complete();
            progress?.Report(new RunEvent(RunEventKind.Warning, $"{folder.FinalPath} already holds this run, complete (same spec, data and seed); nothing to do"));
            return new RunOutcome(folder.FinalPath, ReadResults(folder.FinalPath));
        }

        try
        {
            if (folder.Units!.Names().Count is > 0 and var finished)
            {
                progress?.Report(new RunEvent(RunEventKind.Warning, $"resuming an interrupted run of this spec: {finished} finished unit(s) found"));
            }

            CopySpec(spec, folder.File("spec.yaml"));
            if (options.Executor is { } executor)
            {
                ExecuteElsewhere(plan, executor, options.Source, folder.Units, progress, cancellation);
            }

            var evaluator = plan.Evaluator(folder.Units);
            var tuner = new ModelTuner(spec, data, splits, evaluator, folder.File("tuning"), Attempt(started));
            var models = new List<ModelResult>();
            for (var i = 0; i < spec.Models.Count; i++)
            {
                var model = spec.Models[i];
                progress?.Report(new RunEvent(RunEventKind.ModelStarted, $"{model.Name} ({model.Trainer})") { Model = model.Name, Splits = splits.Count });
                ModelResult reported;
                if (model.Tune is { } tune)
                {
                    var evaluations = tuner.Evaluate(i, plugins[i], TuningResolver.Resolve(tune, plugins[i], data.Label.Task, Environment.ProcessorCount), progress, cancellation);
                    foreach (var evaluation in evaluations)
                    {
                        var result = evaluation.Result;
                        var metadata = data.Metadata(spec) with { Model = result.Name, Trainer = model.Trainer };
                        if (evaluation.Final is not null && result.ModelFile is not null)
                        {
                            data.SaveModel(evaluation.FinalContext!, evaluation.Final, metadata, folder.File(result.ModelFile));
                            result = WithOnnx(result, folder, data, spec.Evaluation.Seed);
                        }

                        PredictionsCsvWriter.Write(folder.File(result.PredictionsFile!), data, evaluation.Scored);
                        models.Add(result);
                    }

                    // A tuned model is reported by its :tuned row (the middle one).
                    reported = evaluations[evaluations.Count / 2].Result;
                }
                else
                {
                    var zip = folder.File($"models/{model.Name}.zip");
                    var finalUnit = FinalUnit.Name(i, model.Name);
                    var finalDone = folder.Units.TryRead<FinalUnit>(finalUnit, out var saved) && File.Exists(zip) && RunKey.OfFile(zip) == saved.ModelSha256;
                    var evaluation = evaluator.Evaluate(i, plugins[i], progress, cancellation, finalDone);
                    var result = evaluation.Result;
                    if (evaluation.Final is { } final)
                    {
                        var metadata = data.Metadata(spec) with { Model = model.Name, Trainer = model.Trainer };
                        data.SaveModel(evaluation.FinalContext!, final, metadata, zip);
                        folder.Units.Write(finalUnit, new FinalUnit(result.FinalFitSeconds, RunKey.OfFile(zip)));
                    }
                    else
                    {
                        result = result with { FinalFitSeconds = saved.FinalFitSeconds };
                    }

                    result = WithOnnx(result, folder, data, spec.Evaluation.Seed);

                    PredictionsCsvWriter.Write(folder.File(result.PredictionsFile!), data, evaluation.Scored);
                    models.Add(result);
                    reported = result;
                }
                progress?.Report(new RunEvent(RunEventKind.ModelFinished, model.Name)
                {
                    Model = model.Name,
                    Splits = splits.Count,
                    Value = reported.Metrics.TryGetValue(spec.Evaluation.PrimaryMetric!, out var m) ? m.Mean : null,
                    Metric = spec.Evaluation.PrimaryMetric,
                });
            }

            cancellation.ThrowIfCancellationRequested();
            progress?.Report(new RunEvent(RunEventKind.Writing, "writing results"));
            var results = ResultsStatistics.Apply(
                BuildResults(spec, data, models, warnings, started, clock.Elapsed.TotalSeconds), spec.Report.Baseline, spec.Report.AllPairs);
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

    /// <summary>
    /// Writes <c>models/NAME.onnx</c> beside the saved zip where ML.NET's converter can export the model, else records
    /// why (results.json: onnx_problem). It converts the zip as saved, so a resumed run says the same.
    /// </summary>
    private static ModelResult WithOnnx(ModelResult result, RunFolder folder, IEvaluationData data, int seed)
    {
        if (result.ModelFile is null || !File.Exists(folder.File(result.ModelFile)))
        {
            return result;
        }

        var ml = ScratchFiles.Context(seed);
        var onnxFile = Path.ChangeExtension(result.ModelFile, ".onnx");
        var export = OnnxModelWriter.TryWrite(ml, OnnxTempFiles.Create(() => ml.Model.Load(folder.File(result.ModelFile), out _)), data.All, data.Label, folder.File(onnxFile));
        return result with { OnnxFile = export.Path is null ? null : onnxFile, OnnxProblem = export.Problem };
    }

    private static RunResults ReadResults(string folder)
    {
        try
        {
            return ResultsJson.Read(Path.Combine(folder, "results.json"));
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            throw new RunFolderException($"{folder}: holds this run but its results.json cannot be read ({e.Message}); pass --force to run it again", e);
        }
    }

    /// <summary>
    /// Has <paramref name="executor"/> compute the run's portable units not finished yet and stores them, so the
    /// evaluation below reuses them (as it reuses the units of an interrupted attempt) and writes the run folder
    /// exactly as without an executor.
    /// </summary>
    private static void ExecuteElsewhere(
        RunPlan plan, IUnitExecutor executor, SpecSource? source, UnitStore units, IProgress<RunEvent>? progress, CancellationToken cancellation)
    {
        if (source is null)
        {
            throw new InvalidOperationException("RunOptions.Executor needs RunOptions.Source: where the workers read the spec.");
        }

        var finished = units.Names().ToHashSet(StringComparer.Ordinal);
        var missing = plan.PortableUnits().Where(u => !finished.Contains(u.Name)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var (name, json) in executor.Execute(source, plan.Key, missing, progress, cancellation))
        {
            units.WriteStored(name, json);
        }
    }

    private static RunResults BuildResults(
        PipelineSpec spec, IEvaluationData data, List<ModelResult> models, List<string> warnings, DateTimeOffset started, double seconds)
    {
        var evaluation = spec.Evaluation;
        return new RunResults
        {
            Name = spec.Name,
            Task = Lower(data.Label.Task),
            PrimaryMetric = evaluation.PrimaryMetric!,
            Dataset = data.Describe(spec),
            Evaluation = new EvaluationResult
            {
                Method = YamlNames.Of(evaluation.Method),
                Folds = evaluation.Method == EvaluationMethod.KFold ? evaluation.Folds : 1,
                Repeats = evaluation.Method == EvaluationMethod.TestSet ? 1 : evaluation.Repeats,
                Seed = evaluation.Seed,
                Stratify = evaluation.Method != EvaluationMethod.TestSet && evaluation.Stratify == true,
                TestFraction = evaluation.Method == EvaluationMethod.Holdout ? evaluation.TestFraction : null,
            },
            Models = models,
            Warnings = warnings,
            StartedUtc = started,
            DurationSeconds = seconds,
        };
    }

    private static void CopySpec(PipelineSpec spec, string path)
    {
        if (spec.SourcePath.Length > 0 && File.Exists(spec.SourcePath))
        {
            File.Copy(spec.SourcePath, path, overwrite: true);
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

    /// <summary>Names this process's attempt at the run in the trial log (a resumed run is a new attempt).</summary>
    private static string Attempt(DateTimeOffset started) =>
        string.Create(CultureInfo.InvariantCulture, $"{started.UtcDateTime:yyyyMMdd-HHmmss}-pid{Environment.ProcessId}");

    private static string Lower(TaskKind task) => task.ToString().ToLowerInvariant();
}
