using System.ComponentModel;
using MLPipelines.Cli.Display;
using MLPipelines.Cli.Infrastructure;
using MLPipelines.Cluster;
using MLPipelines.Core.Experiments;
using MLPipelines.Spec;
using MLPipelines.Spec.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary>
/// <c>mlpipe experiment FILE [--out DIR] [--seed N] [--quiet] [--force] [--cluster redis://HOST:PORT]</c>: runs the same models on several
/// datasets and writes the datasets x models matrix, ranks, Friedman/Nemenyi and the CD diagram.
/// </summary>
internal sealed class ExperimentCommand(IAnsiConsole console) : Command<ExperimentCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Experiment file (YAML).")]
        public string File { get; init; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("Write the experiment exactly here (default: runs/<UTC time>-<name>/).")]
        public string? Out { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Override evaluation.seed.")]
        public int? Seed { get; init; }

        [CommandOption("-q|--quiet")]
        [Description("No progress display; print only the experiment folder.")]
        public bool Quiet { get; init; }

        [CommandOption("--force")]
        [Description("Replace --out DIR if it exists and is not empty.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var registry = Infrastructure.Trainers.CreateRegistry();
        var spec = new ExperimentLoader(registry).Load(settings.File);
        if (settings.Seed is < 0)
        {
            throw SpecException.CommandLine("--seed", $"must be >= 0, got {settings.Seed}");
        }

        foreach (var dataset in spec.Datasets)
        {
            DataChecks.CheckHeaders(dataset.Pipeline);
        }

        var options = new ExperimentOptions
        {
            OutputDirectory = settings.Out,
            Overwrite = settings.Force,
            Seed = settings.Seed,
            RunReportWriters = ReportWriters.ForRuns(),
            ReportWriters = ReportWriters.ForExperiments(),
        };
        using var cluster = settings.Address() is { } address ? ClusterUnitExecutor.Connect(address) : null;
        options = options with { Executor = cluster };
        var runner = new ExperimentRunner(registry);
        if (settings.Quiet)
        {
            console.WriteLine(runner.Run(spec, options, null, cancellationToken).Directory);
            return ExitCodes.Ok;
        }

        console.MarkupLineInterpolated($"[bold]{spec.Name}[/]: {spec.Models.Count} model(s) on {spec.Datasets.Count} dataset(s) from {settings.File}");
        var outcome = RunProgressDisplay.Run(console, progress => runner.Run(spec, options, progress, cancellationToken));
        console.WriteLine();
        console.Write(ExperimentTable.Create(outcome.Results));
        console.MarkupLineInterpolated($"Experiment folder: [green]{outcome.Directory}[/] ({outcome.Results.DurationSeconds:F1} s)");
        return ExitCodes.Ok;
    }
}
