using System.ComponentModel;
using System.Text.Json;
using MLPipelines.Cli.Infrastructure;
using MLPipelines.Core.Runs;
using MLPipelines.Results;
using MLPipelines.Results.Experiments;
using MLPipelines.Results.Statistics;
using MLPipelines.Spec;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary>
/// <c>mlpipe report DIR [--format F]... [--baseline NAME] [--all-pairs]</c>: rewrites the reports of a run folder
/// (from its <c>results.json</c>) or of an experiment folder (from <c>experiment.json</c>, and each dataset's run),
/// without training. <c>--baseline</c> / <c>--all-pairs</c> recompute a run's comparisons and update its results.json.
/// </summary>
internal sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Run folder (with results.json) or experiment folder (with experiment.json).")]
        public string Directory { get; init; } = "";

        [CommandOption("-f|--format <FORMAT>")]
        [Description("Report format(s) to write (markdown, html, svg); default every installed format.")]
        public string[] Formats { get; init; } = [];

        [CommandOption("--baseline <MODEL>")]
        [Description("Run folders: recompute the comparisons against this model.")]
        public string? Baseline { get; init; }

        [CommandOption("--all-pairs")]
        [Description("Run folders: recompute the comparisons for every pair of models (Holm-adjusted).")]
        public bool AllPairs { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var directory = settings.Directory.TrimEnd('/', '\\');
        if (!System.IO.Directory.Exists(directory))
        {
            throw new RunFolderException($"{settings.Directory}: no such folder");
        }

        var runWriters = ReportWriters.ForRuns();
        var experimentWriters = ReportWriters.ForExperiments();
        var known = runWriters.Select(w => w.Format).Concat(experimentWriters.Select(w => w.Format)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var format in settings.Formats.Where(f => !known.Contains(f)))
        {
            throw SpecException.CommandLine("--format", $"unknown report format '{format}'{NameSuggester.DidYouMean(format, known)}; installed: {string.Join(", ", known)}");
        }

        bool Wanted(string format) => settings.Formats.Length == 0 || settings.Formats.Contains(format);
        var written = new List<string>();
        var experimentFile = Path.Combine(directory, ExperimentJson.FileName);
        if (File.Exists(experimentFile))
        {
            var experiment = Read(experimentFile, ExperimentJson.Read);
            foreach (var dataset in experiment.Datasets)
            {
                written.AddRange(WriteRun(Path.Combine(directory, dataset.RunDirectory), settings, runWriters.Where(w => Wanted(w.Format))));
            }

            foreach (var writer in experimentWriters.Where(w => Wanted(w.Format)))
            {
                writer.Write(experiment, directory);
                written.Add(writer.Format);
            }
        }
        else
        {
            written.AddRange(WriteRun(directory, settings, runWriters.Where(w => Wanted(w.Format))));
        }

        console.MarkupLineInterpolated($"Wrote {written.Count} report(s) in [green]{directory}[/] ({string.Join(", ", written.Distinct(StringComparer.Ordinal))})");
        return ExitCodes.Ok;
    }

    private static List<string> WriteRun(string directory, Settings settings, IEnumerable<IRunReportWriter> writers)
    {
        var path = Path.Combine(directory, "results.json");
        if (!File.Exists(path))
        {
            throw new RunFolderException($"{directory}: no results.json or experiment.json; not a run or experiment folder (or an incomplete one)");
        }

        var results = Read(path, ResultsJson.Read);
        if (settings.Baseline is not null || settings.AllPairs || results.Statistics is null)
        {
            if (settings.Baseline is { } baseline && results.Models.All(m => m.Name != baseline))
            {
                var names = results.Models.Select(m => m.Name).ToList();
                throw SpecException.CommandLine("--baseline", $"no model is named '{baseline}'{NameSuggester.DidYouMean(baseline, names)} (models: {string.Join(", ", names)})");
            }

            results = ResultsStatistics.Apply(results, settings.Baseline ?? results.Statistics?.Baseline, settings.AllPairs || results.Statistics?.AllPairs == true);
            ResultsJson.Write(path, results);
        }

        var formats = new List<string>();
        foreach (var writer in writers)
        {
            writer.Write(results, directory);
            formats.Add(writer.Format);
        }

        return formats;
    }

    private static T Read<T>(string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (JsonException e)
        {
            throw new RunFolderException($"{path}: not a readable results file ({e.Message})");
        }
    }
}
