using System.Diagnostics;
using System.Globalization;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Results.Experiments;
using MLPipelines.Results.Statistics;
using MLPipelines.Spec.Experiments;

namespace MLPipelines.Core.Experiments;

/// <summary>
/// Runs an experiment: every dataset's pipeline in turn (each into <c>runs/DATASET/</c> of the experiment folder,
/// the usual run files), then the analysis over datasets on the experiment's metric
/// (<see cref="ExperimentAnalysis"/>: means with v / * marks against the baseline, average ranks, Friedman,
/// Nemenyi), written as <c>experiment.json</c> and by the report writers the experiment's <c>report.formats</c>
/// names (e.g. <c>experiment.md</c>, <c>cd.svg</c>). Like a run folder, the experiment folder appears under its
/// final name only when everything is written.
/// </summary>
public sealed class ExperimentRunner(TrainerRegistry registry)
{
    /// <summary>Folder of the datasets' runs inside the experiment folder.</summary>
    public const string RunsFolder = "runs";

    /// <summary>Significance level of the per-dataset tests and of Friedman/Nemenyi.</summary>
    public const double Alpha = 0.05;

    /// <summary>Runs <paramref name="spec"/> (validated by <see cref="ExperimentLoader"/>).</summary>
    /// <exception cref="ExperimentException">The datasets' results cannot be compared (e.g. no common metric).</exception>
    /// <exception cref="Spec.SpecException">A dataset's pipeline fails a rule once its task is known.</exception>
    /// <exception cref="DataFileException">A dataset's data is bad.</exception>
    /// <exception cref="RunFolderException">The output folder cannot be used.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the folder is left as <c>NAME.incomplete</c>.</exception>
    public ExperimentOutcome Run(ExperimentSpec spec, ExperimentOptions options, IProgress<RunEvent>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        // The experiment's own key: its file and seed; each dataset's run checks its own key (spec, data, build).
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{File.ReadAllText(spec.SourcePath)}\0{options.Seed}\0{typeof(ExperimentRunner).Assembly.ManifestModule.ModuleVersionId}")));
        var folder = RunFolder.Create(options.OutputDirectory ?? DefaultFolder(options.RunsRoot, spec.Name, started), options.Overwrite, key);
        if (folder.AlreadyComplete)
        {
            folder.Complete();
            return new ExperimentOutcome(folder.FinalPath, ExperimentJson.Read(Path.Combine(folder.FinalPath, ExperimentJson.FileName)));
        }

        try
        {
            File.Copy(spec.SourcePath, folder.File("experiment.yaml"), overwrite: true);
            var runner = new PipelineRunner(registry);
            var runs = new List<(ExperimentDatasetSpec Dataset, RunResults Results)>();
            for (var i = 0; i < spec.Datasets.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                var dataset = spec.Datasets[i];
                var pipeline = options.Seed is { } seed ? dataset.Pipeline.WithSeed(seed) : dataset.Pipeline;

                progress?.Report(new RunEvent(RunEventKind.DatasetStarted, $"dataset {i + 1}/{spec.Datasets.Count}: {dataset.Name}"));
                var outcome = runner.Run(
                    pipeline,
                    new RunOptions
                    {
                        OutputDirectory = Path.Combine(folder.WorkPath, RunsFolder, dataset.Name),
                        ReportWriters = options.RunReportWriters,
                        Executor = options.Executor,
                        Source = new SpecSource(Path.GetFullPath(spec.SourcePath), dataset.Name, options.Seed),
                    },
                    progress is null ? null : new DatasetProgress(progress, dataset.Name),
                    cancellation);
                runs.Add((dataset, outcome.Results));
            }

            var results = Analyse(spec, runs, started, clock);
            ExperimentJson.Write(folder.File(ExperimentJson.FileName), results);
            foreach (var writer in options.ReportWriters.Where(w => spec.Formats.Contains(w.Format)))
            {
                writer.Write(results, folder.WorkPath);
            }

            folder.Complete();
            return new ExperimentOutcome(folder.FinalPath, results with { DurationSeconds = clock.Elapsed.TotalSeconds });
        }
        catch (Exception e)
        {
            folder.Abandon(e is OperationCanceledException ? "interrupted" : e.Message);
            throw;
        }
    }

    private static ExperimentResults Analyse(ExperimentSpec spec, List<(ExperimentDatasetSpec Dataset, RunResults Results)> runs, DateTimeOffset started, Stopwatch clock)
    {
        var metrics = runs.Select(r => r.Results.PrimaryMetric).Distinct(StringComparer.Ordinal).ToList();
        if (metrics.Count > 1)
        {
            var tasks = string.Join(", ", runs.Select(r => $"{r.Dataset.Name}: {r.Results.Task} ({r.Results.PrimaryMetric})"));
            throw new ExperimentException(
                $"{spec.SourcePath}: the datasets have no common metric ({tasks}); give the experiment a metric: that every task has, or compare datasets of one kind of task");
        }

        var metric = metrics[0];
        var scores = runs.Select(r => new DatasetScores(r.Dataset.Name, RunStatistics.DesignOf(r.Results), RunStatistics.ScoresOf(r.Results))).ToList();
        var models = runs[0].Results.Models;
        var baseline = spec.Baseline ?? DefaultBaseline(runs.Select(r => r.Results).ToList(), metric);
        ExperimentResult analysis;
        try
        {
            analysis = ExperimentAnalysis.Run(scores, metric, baseline, new ComparisonOptions { Alpha = Alpha }, spec.Reference);
        }
        catch (ArgumentException e)
        {
            throw new ExperimentException($"{spec.SourcePath}: the results cannot be analysed: {e.Message}", e);
        }

        return new ExperimentResults
        {
            Name = spec.Name,
            Metric = metric,
            Baseline = baseline,
            Evaluation = runs[0].Results.Evaluation,
            Models = [.. models.Select(m => new ExperimentModel { Name = m.Name, Trainer = m.Trainer, Family = m.Family })],
            Datasets = [.. runs.Select(r => new ExperimentDataset
            {
                Name = r.Dataset.Name,
                RunDirectory = $"{RunsFolder}/{r.Dataset.Name}",
                Path = r.Results.Dataset.Path,
                Task = r.Results.Task,
                Rows = r.Results.Dataset.Rows,
                Features = r.Results.Dataset.Features,
                Classes = r.Results.Dataset.Classes.Count,
                DurationSeconds = r.Results.DurationSeconds,
            })],
            Analysis = analysis,
            CdDiagramFile = spec.Formats.Contains("svg") ? "cd.svg" : null,
            Warnings = [.. runs.SelectMany(r => r.Results.Warnings.Select(w => $"{r.Dataset.Name}: {w}"))],
            StartedUtc = started,
            DurationSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>
    /// The boosted-tree model with the best average rank of its mean <paramref name="metric"/> over the datasets
    /// (no boosted trees: the best-ranked model); ties go to the earlier model.
    /// </summary>
    internal static string DefaultBaseline(IReadOnlyList<RunResults> runs, string metric)
    {
        var models = runs[0].Models;
        var direction = MetricDirections.For(metric);
        var sums = new double[models.Count];
        foreach (var run in runs)
        {
            var means = models.Select(m => run.Models.FirstOrDefault(x => x.Name == m.Name)?.Metrics.GetValueOrDefault(metric)?.Mean ?? double.NaN).ToArray();
            var ranks = Ranking.Rank(means, direction);
            for (var m = 0; m < sums.Length; m++)
            {
                sums[m] += ranks[m];
            }
        }

        var pool = Enumerable.Range(0, models.Count).Where(m => models[m].Family == "boosted_trees").ToList();
        if (pool.Count == 0)
        {
            pool = [.. Enumerable.Range(0, models.Count)];
        }

        return models[pool.MinBy(m => sums[m])].Name;
    }

    private static string DefaultFolder(string root, string name, DateTimeOffset started) =>
        Path.Combine(root, $"{started.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{name}");

    /// <summary>A dataset's run events, with models named <c>DATASET/MODEL</c> so displays keep datasets apart.</summary>
    private sealed class DatasetProgress(IProgress<RunEvent> inner, string dataset) : IProgress<RunEvent>
    {
        public void Report(RunEvent value) => inner.Report(value.Model is null
            ? value with { Message = $"{dataset}: {value.Message}" }
            : value with { Model = $"{dataset}/{value.Model}", Message = $"{dataset}/{value.Message}" });
    }
}
